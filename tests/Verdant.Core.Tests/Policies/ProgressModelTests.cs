using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class ProgressModelTests
{
    [Fact]
    public void RoundProgress_UnknownNoiseScale_AssumesEightBatches()
    {
        Assert.Equal(0.5, ProgressModel.RoundProgress(8, 32, double.NaN), 12);
        Assert.Equal(1 / 3.0, ProgressModel.RoundProgress(4, 32, 256), 12);
        Assert.Equal(0, ProgressModel.RoundProgress(0, 32, 256));
    }

    [Fact]
    public void MarginalProgress_DiminishesWithEveryUnit()
    {
        double[] marginal = [.. Enumerable.Range(1, 40).Select(k => ProgressModel.MarginalProgress(k, 32, 300))];

        Assert.All(marginal.Zip(marginal.Skip(1)), p => Assert.True(p.First > p.Second));
        Assert.Equal(ProgressModel.RoundProgress(40, 32, 300), marginal.Sum(), 12);
    }

    [Fact]
    public void NodeRoundEquivalent_AtReferenceCount_IsTheCount()
    {
        Assert.Equal(12, ProgressModel.NodeRoundEquivalent(12, 12, 32, 500), 12);
        Assert.True(ProgressModel.NodeRoundEquivalent(24, 12, 32, 500) < 24);
    }

    [Theory]
    [InlineData(double.NaN, 36, 8)]
    [InlineData(1000, 10, 10)]
    [InlineData(10, 36, 2)]
    public void UsefulUnits_CeilOfBOverBatch_Clamped(double noiseScale, int max, int expected)
        => Assert.Equal(expected, ProgressModel.UsefulUnits(noiseScale, 32, 2, max));
}
