namespace Verdant.Core.Data;

/// <summary>Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al.), gzip-compressed or plain, from a stream.</summary>
public static class IdxReader
{
    /// <summary>Reads an images file (magic 0x00000803); pixels scaled to [0, 1]. Returns (pixels row-major, count, rows*cols).</summary>
    /// <exception cref="InvalidDataException">Bad magic number, truncated data; the message says which.</exception>
    public static (float[] Pixels, int Count, int FeatureCount) ReadImages(Stream stream) => throw new NotImplementedException();

    /// <summary>Reads a labels file (magic 0x00000801).</summary>
    /// <exception cref="InvalidDataException">Bad magic number, truncated data; the message says which.</exception>
    public static byte[] ReadLabels(Stream stream) => throw new NotImplementedException();

    /// <summary>Reads an images stream and a labels stream into a data set of <paramref name="classCount"/> classes.</summary>
    public static Dataset ReadDataset(Stream images, Stream labels, int classCount = 10) => throw new NotImplementedException();
}
