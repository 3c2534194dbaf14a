using System.Buffers.Binary;

namespace Verdant.Cli.Tests;

/// <summary>Small learnable IDX data sets in the MNIST file layout, so CLI tests need no download.</summary>
internal static class TinyIdx
{
    /// <summary>Writes a learnable 28x28 IDX data set (10 classes; <paramref name="train"/> and <paramref name="test"/> images) in the MNIST file layout.</summary>
    public static string Write(string directory, int train, int test)
    {
        Directory.CreateDirectory(directory);
        WriteSplit(directory, "train", train);
        WriteSplit(directory, "t10k", test);
        return directory;
    }

    private static void WriteSplit(string directory, string prefix, int count)
    {
        const int Side = 28;
        var images = new byte[16 + (count * Side * Side)];
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), Side);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), Side);
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int i = 0; i < count; i++)
        {
            int label = i % 10;
            labels[8 + i] = (byte)label;
            // Class c lights rows 2c..2c+2, so a linear model can tell the classes apart.
            for (int p = 0; p < Side * Side; p++)
            {
                images[16 + (i * Side * Side) + p] = (byte)((p / Side) / 2 == label + 2 ? 200 : (p * 7 + i) % 40);
            }
        }

        File.WriteAllBytes(Path.Combine(directory, $"{prefix}-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte"), labels);
    }
}
