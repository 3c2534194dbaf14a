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
    private const int InitialElements = 1 << 20;

    /// <summary>Reads an images file (magic 0x00000803); pixels scaled to [0, 1]. Returns (pixels row-major, count, rows*cols).</summary>
    /// <exception cref="InvalidDataException">Bad magic number, truncated data; the message says which.</exception>
    public static (float[] Pixels, int Count, int FeatureCount) ReadImages(Stream stream)
    {
        using Stream source = Decompressed(stream);
        int[] dims = ReadHeader(source, ImagesMagic, "images", 3);
        // Three int32 dimensions can overflow a long: compare in double first.
        double declared = (double)dims[0] * dims[1] * dims[2];
        if (declared > Array.MaxLength || (long)dims[1] * dims[2] > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"IDX images file declares {dims[0]} x {dims[1]} x {dims[2]} pixels, more than an array can hold.");
        }

        long length = (long)dims[0] * dims[1] * dims[2];

        // The header is not trusted for the allocation: a 16-byte file may declare billions of pixels. The array grows
        // with the bytes actually present, so memory is bounded by the file, not by its header.
        var pixels = new float[Math.Min(length, InitialElements)];
        byte[] chunk = new byte[ChunkBytes];
        for (long done = 0; done < length;)
        {
            int want = (int)Math.Min(ChunkBytes, length - done);
            int got = ReadChunk(source, chunk.AsSpan(0, want), "images");
            if (got < want)
            {
                throw new InvalidDataException(
                    $"IDX images file is truncated: {done + got} of {length} pixel bytes present.");
            }

            pixels = Grown(pixels, done + want, length);
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
        var labels = new byte[Math.Min(count, InitialElements)];
        for (int done = 0; done < count;)
        {
            int want = Math.Min(ChunkBytes, count - done);
            labels = Grown(labels, done + want, count);
            int got = ReadChunk(source, labels.AsSpan(done, want), "labels");
            if (got < want)
            {
                throw new InvalidDataException($"IDX labels file is truncated: {done + got} of {count} labels present.");
            }

            done += want;
        }

        return labels;
    }

    /// <summary>Reads an images stream and a labels stream into a data set of <paramref name="classCount"/> classes.</summary>
    /// <exception cref="InvalidDataException">A file is malformed, the counts differ or a label is not below classCount.</exception>
    public static Dataset ReadDataset(Stream images, Stream labels, int classCount = 10)
        => Combine(ReadImages(images), ReadLabels(labels), classCount);

    /// <summary>Pairs images read by <see cref="ReadImages"/> with labels read by <see cref="ReadLabels"/>.</summary>
    /// <exception cref="InvalidDataException">The counts differ or a label is not below classCount; the message names the labels.</exception>
    public static Dataset Combine((float[] Pixels, int Count, int FeatureCount) images, byte[] labels, int classCount = 10)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        if (labels.Length != images.Count)
        {
            throw new InvalidDataException($"IDX labels file holds {labels.Length} labels but the images file {images.Count} images.");
        }

        int bad = classCount == 256 ? -1 : labels.AsSpan().IndexOfAnyInRange((byte)classCount, byte.MaxValue);
        if (bad >= 0)
        {
            throw new InvalidDataException($"IDX label {labels[bad]} at index {bad} is not below the class count {classCount}.");
        }

        return new Dataset(images.Pixels, labels, images.FeatureCount, classCount);
    }

    /// <summary>destination[i] = bytes[i] / 255, correctly rounded (so 255 maps to exactly 1).</summary>
    private static void ScalePixels(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        TensorPrimitives.ConvertTruncating(bytes, destination);
        TensorPrimitives.Divide(destination, 255f, destination);
    }

    /// <summary>The array itself when it holds <paramref name="needed"/> elements, else a copy grown by doubling (capped at <paramref name="total"/>).</summary>
    private static T[] Grown<T>(T[] array, long needed, long total)
    {
        if (needed <= array.Length)
        {
            return array;
        }

        long size = Math.Min(total, Math.Max(needed, 2L * array.Length));
        Array.Resize(ref array, (int)size);
        return array;
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length; a gzip stream that cannot be inflated is reported as a corrupt file.</summary>
    private static int ReadChunk(Stream source, Span<byte> buffer, string kind)
    {
        try
        {
            return source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex) when (source is GZipStream)
        {
            throw new InvalidDataException($"IDX {kind} file is a corrupt gzip file ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    private static int[] ReadHeader(Stream source, int expectedMagic, string kind, int rank)
    {
        Span<byte> header = stackalloc byte[4 * (rank + 1)];
        int got = ReadChunk(source, header, kind);
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
