using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class ValidationSplitTests
{
    private static Dataset Numbered(int count)
        => new([.. Enumerable.Range(0, count).Select(i => (float)i)], [.. Enumerable.Range(0, count).Select(i => (byte)(i % 3))], 1, 3);

    [Fact]
    public void Split_1000Requested50_DisjointAndCoversAll()
    {
        (Dataset train, Dataset validation) = ValidationSplit.Split(Numbered(1000), 50, new Random(4));

        Assert.Equal(50, validation.Count);
        Assert.Equal(950, train.Count);
        Assert.Empty(train.Features.Intersect(validation.Features));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (float)i), train.Features.Concat(validation.Features).Order());
    }

    [Fact]
    public void Split_RequestAboveATenth_CappedAtATenth()
    {
        (_, Dataset validation) = ValidationSplit.Split(Numbered(300), 5000, new Random(1));

        Assert.Equal(30, validation.Count);
    }

    [Fact]
    public void Split_SameSeed_SameExamples()
    {
        Dataset all = Numbered(500);

        Assert.Equal(ValidationSplit.Split(all, 40, new Random(9)).Validation.Features,
            ValidationSplit.Split(all, 40, new Random(9)).Validation.Features);
        Assert.NotEqual(ValidationSplit.Split(all, 40, new Random(9)).Validation.Features,
            ValidationSplit.Split(all, 40, new Random(10)).Validation.Features);
    }
}
