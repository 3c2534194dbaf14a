using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics.Tensors;

namespace Verdant.Core.Data;

/// <summary>Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al.), gzip-compressed or plain, from a stream.</summary>
/// <remarks>
/// IDX: a big-endian magic (0x0000 then the element type 0x08 = unsigned byte, then the rank), one big-endian int32
/// per dimension, then the elements row-major (LeCun, Cortes and Burges, "The MNIST database", 1998). The stream is
/// gzip when it starts with 1f 8b. The caller owns and disposes the stream.
/// </remarks>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;
    private const int ChunkBytes = 1 << 16;

    /// <summary>Reads an images file (magic 0x00000803); pixels scaled to [0, 1]. Returns (pixels row-major, count, rows*cols).</summary>
    /// <exception cref="InvalidDataException">Bad magic number, truncated data; the message says which.</exception>
    public static (float[] Pixels, int Count, int FeatureCount) ReadImages(Stream stream)
    {
        using Stream source = Decompressed(stream);
        int[] dims = ReadHeader(source, ImagesMagic, "images", 3);
        long length = (long)dims[0] * dims[1] * dims[2];
        if (length > Array.MaxLength)
        {
            throw new InvalidDataException($"IDX images file declares {length} pixels, more than an array can hold.");
        }

        var pixels = new float[length];
        byte[] chunk = new byte[ChunkBytes];
        for (long done = 0; done < length;)
        {
            int want = (int)Math.Min(ChunkBytes, length - done);
            int got = source.ReadAtLeast(chunk.AsSpan(0, want), want, throwOnEndOfStream: false);
            if (got < want)
            {
                throw new InvalidDataException(
                    $"IDX images file is truncated: {done + got} of {length} pixel bytes present.");
            }

            ScalePixels(chunk.AsSpan(0, want), pixels.AsSpan((int)done, want));
            done += want;
        }

        return (pixels, dims[0], dims[1] * dims[2]);
    }

    /// <summary>Reads a labels file (magic 0x00000801).</summary>
    /// <exception cref="InvalidDataException">Bad magic number, truncated data; the message says which.</exception>
    public static byte[] ReadLabels(Stream stream)
    {
        using Stream source = Decompressed(stream);
        int count = ReadHeader(source, LabelsMagic, "labels", 1)[0];
        var labels = new byte[count];
        int got = source.ReadAtLeast(labels, count, throwOnEndOfStream: false);
        if (got < count)
        {
            throw new InvalidDataException($"IDX labels file is truncated: {got} of {count} labels present.");
        }

        return labels;
    }

    /// <summary>Reads an images stream and a labels stream into a data set of <paramref name="classCount"/> classes.</summary>
    /// <exception cref="InvalidDataException">A file is malformed, the counts differ or a label is not below classCount.</exception>
    public static Dataset ReadDataset(Stream images, Stream labels, int classCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        var (pixels, count, featureCount) = ReadImages(images);
        byte[] labelBytes = ReadLabels(labels);
        if (labelBytes.Length != count)
        {
            throw new InvalidDataException($"IDX images file holds {count} images but the labels file {labelBytes.Length} labels.");
        }

        int bad = classCount == 256 ? -1 : labelBytes.AsSpan().IndexOfAnyInRange((byte)classCount, byte.MaxValue);
        if (bad >= 0)
        {
            throw new InvalidDataException($"IDX label {labelBytes[bad]} at {bad} is not below the class count {classCount}.");
        }

        return new Dataset(pixels, labelBytes, featureCount, classCount);
    }

    /// <summary>destination[i] = bytes[i] / 255, correctly rounded (so 255 maps to exactly 1).</summary>
    private static void ScalePixels(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        TensorPrimitives.ConvertTruncating(bytes, destination);
        TensorPrimitives.Divide(destination, 255f, destination);
    }

    private static int[] ReadHeader(Stream source, int expectedMagic, string kind, int rank)
    {
        Span<byte> header = stackalloc byte[4 * (rank + 1)];
        int got = source.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got >= 4 && BinaryPrimitives.ReadInt32BigEndian(header) is int magic && magic != expectedMagic)
        {
            throw new InvalidDataException(
                $"Not an IDX {kind} file: magic number 0x{magic:X8}, expected 0x{expectedMagic:X8}.");
        }

        if (got < header.Length)
        {
            throw new InvalidDataException($"IDX {kind} file is truncated: header has {got} of {header.Length} bytes.");
        }

        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(header[(4 * (d + 1))..]);
            if (dims[d] < 0)
            {
                throw new InvalidDataException($"IDX {kind} file declares a negative dimension {dims[d]}.");
            }
        }

        return dims;
    }

    private static Stream Decompressed(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[2];
        int got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        Stream whole = new PrefixedStream(head[..got].ToArray(), stream);
        return got == 2 && head[0] == 0x1f && head[1] == 0x8b
            ? new GZipStream(whole, CompressionMode.Decompress, leaveOpen: false)
            : whole;
    }
}
