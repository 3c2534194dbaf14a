using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class DataCoverageTests
{
    [Fact]
    public void Ranking_EquallyGreenUnits_RotateStalestFirst()
    {
        // Six units on one site whose surplus covers all of them: every unit is free, so only staleness separates them.
        var greenest = new GreenestKPolicy(2, new PolicyOptions { CoverageHours = 24 });
        var chosen = new List<int[]>();
        for (int hour = 0; hour < 3; hour++)
        {
            PolicyContext context = At(PolicyFixtures.Context([6], [1e5], [300]), hour);
            chosen.Add([.. greenest.Decide(context).Active.Select((a, i) => a ? i : -1).Where(i => i >= 0)]);
        }

        Assert.Equal([[0, 1], [2, 3], [4, 5]], chosen);
    }

    [Fact]
    public void Ranking_CoverageOff_KeepsTheSameGreenUnits()
    {
        var greenest = new GreenestKPolicy(2, new PolicyOptions { CoverageHours = 0 });
        for (int hour = 0; hour < 3; hour++)
        {
            bool[] active = greenest.Decide(At(PolicyFixtures.Context([6], [1e5], [300]), hour)).Active;
            Assert.Equal([true, true, false, false, false, false], active);
        }
    }

    [Fact]
    public void Ranking_DirtyUnitLeftOut_WinsAPlaceAfterAboutRMinusOneScales()
    {
        // Site 0 at 110 g/kWh, site 1 at 300 g/kWh, no surplus; one place an epoch, S = 2 h.
        var coverage = new DataCoverage(new PolicyOptions { CoverageHours = 2 });
        int firstDirtyHour = -1;
        for (int hour = 0; hour < 12 && firstDirtyHour < 0; hour++)
        {
            PolicyContext context = At(PolicyFixtures.Context([1, 1], [0, 0], [110, 300]), hour);
            int best = coverage.Ranking(context, coverage.MarginalCarbonPerUnit(context))[0];
            var active = new bool[2];
            active[best] = true;
            coverage.Record(context, active);
            firstDirtyHour = best == 1 ? hour : -1;
        }

        // The clean unit is 1 h stale, the dirty one h + S h: 300 / (1 + (h + 2) / 2) < 110 / (1 + 1 / 2) from h = 5 on.
        Assert.Equal(5, firstDirtyHour);
    }

    [Fact]
    public void ScaleHours_HeterogeneityAboveNoisePerUnit_ShrinksTheScale()
    {
        var coverage = new DataCoverage(new PolicyOptions { CoverageHours = 24 });
        PolicyContext iid = WithSignals(PolicyFixtures.Context([4], [0], [100]), noise: 320, heterogeneity: 0.1);
        PolicyContext skewed = WithSignals(PolicyFixtures.Context([4], [0], [100]), noise: 320, heterogeneity: 40);

        Assert.Equal(24, coverage.ScaleHours(iid), 9);
        Assert.Equal(24 * (320.0 / 32) / 40, coverage.ScaleHours(skewed), 9);
    }

    [Fact]
    public void MarginalCarbonPerUnit_SurplusForOneUnit_GoesToTheStalestUnitOfTheSite()
    {
        var coverage = new DataCoverage(new PolicyOptions { CoverageHours = 24 });
        PolicyContext first = At(PolicyFixtures.Context([3], [500], [300]), 0);
        coverage.Record(first, [true, false, false]);

        double[] carbon = coverage.MarginalCarbonPerUnit(At(PolicyFixtures.Context([3], [500], [300]), 1));

        Assert.True(carbon[0] > 0);
        Assert.Equal(0, carbon[1]);
        Assert.True(carbon[2] > 0);
    }

    internal static PolicyContext At(PolicyContext context, int hour) => new(context.NowUtc.AddHours(hour), context.Epoch,
        context.Sites, context.Units, context.Forecast, context.Progress, context.Random);

    internal static PolicyContext WithSignals(PolicyContext context, double noise, double heterogeneity) => new(context.NowUtc,
        context.Epoch, context.Sites, context.Units, context.Forecast,
        new ProgressSignals(10, 1, 0, noise, double.NaN) { HeterogeneityScale = heterogeneity }, context.Random)
    {
        BatchSize = 32,
    };

    [Theory]
    [InlineData(0.01, 4)]
    [InlineData(1.0, 10)]
    public void Adaptive_HeterogeneousShards_WidensTheSetUntilTheSpreadIsAtMostOne(double heterogeneity, int expected)
    {
        // 12 identical 100 s units, 36 rounds an epoch, B / b = 10. H = 0.01: the speed rule binds, p(k) >= 0.5 p(12) at
        // k = 4. H = 1: the spread 36 (12 - k) / (11 k) <= 1 first at k = 10.
        PolicyContext context = WithSignals(PolicyFixtures.Context([12], [0], [300]), noise: 320, heterogeneity: heterogeneity);

        Allocation allocation = new AdaptivePolicy(new PolicyOptions { MinSpeedFraction = 0.5, MaxSpread = 1 }).Decide(context);

        Assert.Equal(expected, allocation.ActiveCount);
    }

    [Fact]
    public void RoundProgress_IdenticalShards_EqualsTheNoiseOnlyModel()
    {
        Assert.Equal(ProgressModel.RoundProgress(5, 32, 640), ProgressModel.RoundProgress(5, 12, 32, 640, 0, 30), 12);
        Assert.Equal(ProgressModel.RoundProgress(12, 32, 640), ProgressModel.RoundProgress(12, 12, 32, 640, 3, 30), 12);
        Assert.True(ProgressModel.RoundProgress(5, 12, 32, 640, 1, 30) < ProgressModel.RoundProgress(5, 12, 32, 640, 1, 1));
    }
}
