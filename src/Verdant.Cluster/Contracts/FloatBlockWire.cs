using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Orleans.Serialization.Buffers;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// The body of a float32 block on the wire: its length in bytes (var-uint) then the values as little-endian float32,
/// copied in and out with a single memory copy. Shared by <see cref="ParameterMessageCodec"/> and <see cref="FloatBlockCodec"/>;
/// the callers write the field header.
/// </summary>
internal static class FloatBlockWire
{
    /// <summary>Writes the byte length of <paramref name="values"/> and their bytes.</summary>
    public static void Write<TBufferWriter>(ref Writer<TBufferWriter> writer, ReadOnlySpan<float> values)
        where TBufferWriter : IBufferWriter<byte>
    {
        writer.WriteVarUInt32(checked((uint)(values.Length * sizeof(float))));
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values));
        }
        else
        {
            foreach (float v in values)
            {
                writer.WriteInt32(BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(v)));
            }
        }
    }

    /// <summary>Reads a block written by <see cref="Write"/> into a new array.</summary>
    /// <exception cref="InvalidDataException">The byte length is not a whole number of float32 values.</exception>
    public static float[] Read<TInput>(ref Reader<TInput> reader)
    {
        uint bytes = reader.ReadVarUInt32();
        if (bytes % sizeof(float) != 0)
        {
            throw new InvalidDataException($"float32 block of {bytes} bytes is not a whole number of float32 values");
        }

        reader.EnsureAvailable(bytes);
        var values = new float[bytes / sizeof(float)];
        reader.ReadBytes(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            Span<int> words = MemoryMarshal.Cast<float, int>(values.AsSpan());
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        return values;
    }
}
