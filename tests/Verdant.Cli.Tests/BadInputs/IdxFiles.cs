using System.Buffers.Binary;
using System.IO.Compression;

namespace Verdant.Cli.Tests.BadInputs;

/// <summary>
/// Writes a tiny data set folder in the Fashion-MNIST layout (train- and t10k- images and labels) where one file has the
/// defect named by a kind; "valid" has none. Images are 28 x 28 pixels as in Fashion-MNIST, 8 training and 4 test
/// examples; "images-small" has 4 x 4 pixels, which the model does not take.
/// </summary>
internal static class IdxFiles
{
    public static readonly string[] Kinds =
    [
        "valid", "images-bad-magic", "labels-bad-magic", "images-short-header", "labels-short-header", "images-truncated",
        "labels-truncated", "count-mismatch", "label-out-of-range", "images-negative-dimension", "images-huge-dimensions",
        "images-overflowing-dimensions", "labels-huge-count", "images-corrupt-gzip", "labels-corrupt-gzip",
        "images-empty", "labels-text", "train-images-missing", "t10k-labels-missing", "images-gzip-truncated", "images-small",
    ];

    public static string Write(string directory, string kind)
    {
        if (!Kinds.Contains(kind))
        {
            throw new ArgumentException($"unknown IDX defect '{kind}'", nameof(kind));
        }

        Directory.CreateDirectory(directory);
        foreach (string set in new[] { "train", "t10k" })
        {
            int count = set == "train" ? 8 : 4;
            int side = kind == "images-small" ? 4 : 28;
            byte[] images = Images(count, side, side);
            byte[] labels = Labels(count);
            if (set == "train")
            {
                (images, labels) = Damage(kind, images, labels);
            }

            WriteFile(directory, $"{set}-images-idx3-ubyte", images, kind, set);
            WriteFile(directory, $"{set}-labels-idx1-ubyte", labels, kind, set);
        }

        return directory;
    }

    private static (byte[] Images, byte[] Labels) Damage(string kind, byte[] images, byte[] labels) => kind switch
    {
        "images-bad-magic" => (Set(images, 0, 0x00000804), labels),
        "labels-bad-magic" => (images, Set(labels, 0, 0x00000803)),
        "images-short-header" => (images[..10], labels),
        "labels-short-header" => (images, labels[..6]),
        "images-truncated" => (images[..(images.Length - 5)], labels),
        "labels-truncated" => (images, labels[..(labels.Length - 3)]),
        "count-mismatch" => (images, Labels(7)),
        "label-out-of-range" => (images, SetByte(labels, 10, 10)),
        "images-negative-dimension" => (Set(images, 8, -4), labels),
        "images-huge-dimensions" => (Set(Set(images, 4, 100_000), 8, 28 * 28), labels),
        "images-overflowing-dimensions" => (Set(Set(Set(images, 4, int.MaxValue), 8, int.MaxValue), 12, int.MaxValue), labels),
        "labels-huge-count" => (images, Set(labels, 4, 0x40000002)),
        "images-empty" => ([], labels),
        "labels-text" => (images, "label\n1\n2\n"u8.ToArray()),
        _ => (images, labels),
    };

    private static void WriteFile(string directory, string name, byte[] content, string kind, string set)
    {
        if ((kind == "train-images-missing" && set == "train" && name.Contains("images", StringComparison.Ordinal))
            || (kind == "t10k-labels-missing" && set == "t10k" && name.Contains("labels", StringComparison.Ordinal)))
        {
            return;
        }

        bool corrupt = set == "train" && ((kind == "images-corrupt-gzip" && name.Contains("images", StringComparison.Ordinal))
            || (kind == "labels-corrupt-gzip" && name.Contains("labels", StringComparison.Ordinal)));
        byte[] gz = Gzip(content);
        if (corrupt)
        {
            gz[3] = 0xff; // flags with reserved bits set
            gz[gz.Length / 2] ^= 0x5a;
        }
        else if (kind == "images-gzip-truncated" && set == "train" && name.Contains("images", StringComparison.Ordinal))
        {
            gz = gz[..(gz.Length / 2)];
        }

        File.WriteAllBytes(Path.Combine(directory, name + ".gz"), gz);
    }

    private static byte[] Images(int count, int rows, int cols)
    {
        byte[] bytes = new byte[16 + (count * rows * cols)];
        Set(bytes, 0, 0x00000803);
        Set(bytes, 4, count);
        Set(bytes, 8, rows);
        Set(bytes, 12, cols);
        for (int i = 16; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 37);
        }

        return bytes;
    }

    private static byte[] Labels(int count)
    {
        byte[] bytes = new byte[8 + count];
        Set(bytes, 0, 0x00000801);
        Set(bytes, 4, count);
        for (int i = 0; i < count; i++)
        {
            bytes[8 + i] = (byte)(i % 10);
        }

        return bytes;
    }

    private static byte[] Set(byte[] bytes, int offset, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static byte[] SetByte(byte[] bytes, int offset, byte value)
    {
        bytes[offset] = value;
        return bytes;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
