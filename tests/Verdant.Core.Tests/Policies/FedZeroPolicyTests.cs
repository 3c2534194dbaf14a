using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class FedZeroPolicyTests
{
    [Fact]
    public void FedZero_SomeSitesWithExcess_SelectsExactlyNOnlyThere()
    {
        PolicyContext context = PolicyFixtures.Context([3, 3, 3], [1200, 0, 5000], [50, 10, 900]);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 3 }).Decide(context);

        Assert.Equal(3, allocation.ActiveCount);
        Assert.DoesNotContain(context.Units, u => u.Site == 1 && allocation.Active[u.Index]);
    }

    [Theory]
    [InlineData(new[] { 0.25, 4.0, 1.0, 9.0 }, new[] { 100, 100, 100, 100 }, new[] { false, true, false, true })]
    [InlineData(new[] { 1.0, 1.0, 1.0, 1.0 }, new[] { 50, 400, 300, 100 }, new[] { false, true, true, false })]
    public void FedZero_StatisticalUtility_PrefersLargeShardTimesRootMeanSquareLoss(double[] squaredLosses, int[] shards, bool[] expected)
    {
        // Four single-unit sites, all with ample excess: only Oort's utility |B_i| sqrt(mean loss^2) tells them apart.
        PolicyContext plain = PolicyFixtures.Context([1, 1, 1, 1], [5000, 5000, 5000, 5000], [100, 100, 100, 100]);
        var context = new PolicyContext(plain.NowUtc, plain.Epoch, plain.Sites,
            [.. plain.Units.Select(u => u with { RecentLoss = 1, RecentSquaredLoss = squaredLosses[u.Index], ShardSize = shards[u.Index] })],
            plain.Forecast, plain.Progress, plain.Random);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 2 }).Decide(context);

        Assert.Equal(expected, allocation.Active);
    }

    [Fact]
    public void FedZero_SpreadLossesOverSameMean_PrefersTheRootMeanSquare()
    {
        // Unit 0: every example's loss 1.0 (mean 1.0, mean square 1.0). Unit 1: mean 0.8 but spread, mean square 2.56.
        PolicyContext plain = PolicyFixtures.Context([1, 1], [5000, 5000], [100, 100]);
        double[] mean = [1.0, 0.8], square = [1.0, 2.56];
        var context = new PolicyContext(plain.NowUtc, plain.Epoch, plain.Sites,
            [.. plain.Units.Select(u => u with { RecentLoss = mean[u.Index], RecentSquaredLoss = square[u.Index], ShardSize = 100 })],
            plain.Forecast, plain.Progress, plain.Random);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 1 }).Decide(context);

        Assert.Equal([false, true], allocation.Active);
    }

    [Fact]
    public void FedZero_SameExcessTwoHardwares_ChoosesTheMoreEfficientAndSaysExcessOnly()
    {
        // Same power, but unit 1 does a round in a quarter of the time: four times the work per Wh of excess. The excess
        // (700 W) covers the minimum work of one slow unit but the largest work comes from the fast one.
        PolicyContext plain = PolicyFixtures.Context([1, 1], [700, 700], [100, 100]);
        double[] seconds = [400, 100];
        var context = new PolicyContext(plain.NowUtc, plain.Epoch, plain.Sites,
            [.. plain.Units.Select(u => u with { RoundComputeS = seconds[u.Index] })], plain.Forecast, plain.Progress, plain.Random);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 1 }).Decide(context);

        Assert.Equal([false, true], allocation.Active);
        Assert.True(allocation.ExcessOnly);
        Assert.Contains("60 min round", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FedZero_SiteBudget_LimitsUnitsThere()
    {
        // Site 0's 1200 W cover two 500 W units; n = 4 needs both units of site 1 too.
        PolicyContext context = PolicyFixtures.Context([3, 2], [1200, 1000], [50, 50]);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 4 }).Decide(context);

        Assert.Equal(2, context.Units.Count(u => u.Site == 0 && allocation.Active[u.Index]));
        Assert.Equal(2, context.Units.Count(u => u.Site == 1 && allocation.Active[u.Index]));
    }

    [Fact]
    public void FedZero_NoExcessAnywhere_Waits()
    {
        PolicyContext context = PolicyFixtures.Context([2, 2], [0, 0], [10, 10]);

        Allocation allocation = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 1 }).Decide(context);

        Assert.Equal(0, allocation.ActiveCount);
        Assert.StartsWith("waiting: fewer than 1 units have renewable excess", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FedZero_NextRound_ExcludesLastParticipants()
    {
        var policy = new FedZeroPolicy(new PolicyOptions { FedZeroUnits = 2, FedZeroAlpha = 0 });
        PolicyContext first = PolicyFixtures.Context([2, 2], [5000, 5000], [10, 10]);
        Allocation a = policy.Decide(first);
        PolicyContext c = PolicyFixtures.Context([2, 2], [5000, 5000], [10, 10]);
        var second = new PolicyContext(c.NowUtc + TimeSpan.FromHours(1), c.Epoch, c.Sites, c.Units, c.Forecast, c.Progress, c.Random);

        Allocation b = policy.Decide(second);

        Assert.Equal(2, a.ActiveCount);
        Assert.Equal(2, b.ActiveCount);
        Assert.All(Enumerable.Range(0, 4), i => Assert.False(a.Active[i] && b.Active[i]));
    }
}
