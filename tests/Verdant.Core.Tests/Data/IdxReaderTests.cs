using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class IdxReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadDataset_PlainOrGzip_RoundTripsPixelsAndLabels(bool gzip)
    {
        byte[] images = IdxTestFiles.Images(3, 2, 4, i => (byte)(i * 10));
        byte[] labels = IdxTestFiles.Labels([2, 0, 9]);
        if (gzip)
        {
            images = IdxTestFiles.Gzip(images);
            labels = IdxTestFiles.Gzip(labels);
        }

        Dataset data = IdxReader.ReadDataset(new MemoryStream(images), new MemoryStream(labels));

        Assert.Equal(3, data.Count);
        Assert.Equal(8, data.FeatureCount);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal([2, 0, 9], data.Labels);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)(i * 10) / 255f), data.Features);
    }

    [Fact]
    public void ReadImages_ExtremePixels_ScaleToUnitInterval()
    {
        byte[] images = IdxTestFiles.Images(1, 1, 2, i => i == 0 ? (byte)0 : (byte)255);

        var (pixels, count, features) = IdxReader.ReadImages(new MemoryStream(images));

        Assert.Equal((1, 2), (count, features));
        Assert.Equal([0f, 1f], pixels);
    }

    [Fact]
    public void ReadImages_LabelsFile_ThrowsBadMagicMessage()
    {
        byte[] labels = IdxTestFiles.Labels([1, 2]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(labels)));

        Assert.Equal("Not an IDX images file: magic number 0x00000801, expected 0x00000803.", error.Message);
    }

    [Fact]
    public void ReadLabels_GzipImagesFile_ThrowsBadMagicMessage()
    {
        byte[] images = IdxTestFiles.Gzip(IdxTestFiles.Images(1, 2, 2, _ => 0));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(images)));

        Assert.Equal("Not an IDX labels file: magic number 0x00000803, expected 0x00000801.", error.Message);
    }

    [Fact]
    public void ReadImages_TruncatedPixels_ThrowsTruncationMessage()
    {
        byte[] images = IdxTestFiles.Images(2, 3, 3, _ => 7)[..^5];

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(images)));

        Assert.Equal("IDX images file is truncated: 13 of 18 pixel bytes present.", error.Message);
    }

    [Fact]
    public void ReadLabels_TruncatedHeader_ThrowsTruncationMessage()
    {
        byte[] labels = IdxTestFiles.Labels([1])[..6];

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(labels)));

        Assert.Equal("IDX labels file is truncated: header has 6 of 8 bytes.", error.Message);
    }

    [Fact]
    public void ReadDataset_CountsDiffer_ThrowsInvalidData()
    {
        byte[] images = IdxTestFiles.Images(2, 1, 1, _ => 0);
        byte[] labels = IdxTestFiles.Labels([1]);

        var error = Assert.Throws<InvalidDataException>(
            () => IdxReader.ReadDataset(new MemoryStream(images), new MemoryStream(labels)));

        Assert.Equal("IDX labels file holds 1 labels but the images file 2 images.", error.Message);
    }

    [Fact]
    public void ReadDataset_LabelAboveClassCount_ThrowsInvalidData()
    {
        byte[] images = IdxTestFiles.Images(1, 1, 1, _ => 0);
        byte[] labels = IdxTestFiles.Labels([4]);

        var error = Assert.Throws<InvalidDataException>(
            () => IdxReader.ReadDataset(new MemoryStream(images), new MemoryStream(labels), classCount: 4));

        Assert.Equal("IDX label 4 at index 0 is not below the class count 4.", error.Message);
    }
}
