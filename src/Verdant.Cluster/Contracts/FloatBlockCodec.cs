using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// Wire codec of <see cref="FloatBlock"/>: one length-prefixed field holding the values as little-endian float32
/// (<see cref="FloatBlockWire"/>), 4 bytes per value where Orleans' <c>ArrayCodec&lt;float&gt;</c> spends 5 and a virtual call.
/// </summary>
[RegisterSerializer]
internal sealed class FloatBlockCodec : IFieldCodec<FloatBlock>
{
    private static readonly Type BlockType = typeof(FloatBlock);

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, [AllowNull] Type expectedType,
        [AllowNull] FloatBlock value) where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteFieldHeader(fieldIdDelta, expectedType, BlockType, WireType.LengthPrefixed);
        FloatBlockWire.Write(ref writer, value.Values);
    }

    [return: MaybeNull]
    public FloatBlock ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<FloatBlock, TInput>(ref reader, field);
        }

        field.EnsureWireType(WireType.LengthPrefixed);
        var block = new FloatBlock(FloatBlockWire.Read(ref reader));
        ReferenceCodec.RecordObject(reader.Session, block);
        return block;
    }
}

/// <summary>A <see cref="FloatBlock"/> is immutable, so a copy within a silo is the same object.</summary>
[RegisterCopier]
internal sealed class FloatBlockCopier : ShallowCopier<FloatBlock>;
