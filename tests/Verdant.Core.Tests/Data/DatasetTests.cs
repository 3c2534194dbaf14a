using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class DatasetTests
{
    [Fact]
    public void Constructor_LengthsDisagree_ThrowsWithCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new float[5], new byte[2], 3, 2));

        Assert.StartsWith("5 features do not make 2 examples of 3 features.", error.Message);
    }

    [Fact]
    public void Constructor_LabelOutOfRange_ThrowsNamingTheExample()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new float[3], [0, 1, 3], 1, 3));

        Assert.StartsWith("Label 3 of example 2 is not below the class count 3.", error.Message);
    }

    [Fact]
    public void Example_SecondRow_ReturnsItsFeatures()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], [0, 1, 0], 2, 2);

        Assert.Equal([3f, 4f], data.Example(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Example(3));
    }
}
