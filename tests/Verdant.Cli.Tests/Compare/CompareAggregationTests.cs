using Verdant.Cli.Compare;

namespace Verdant.Cli.Tests.Compare;

public class CompareAggregationTests
{
    internal static CompareRow Row(string policy, int seed, double? hours, double carbonKg, long nodeRounds = 10) =>
        new(policy, seed, hours, 0.8, 2 * carbonKg, carbonKg, carbonKg, 1000, nodeRounds, 5, 7, "test");

    [Fact]
    public void Summarize_ThreeSeeds_MeanAndSampleStdDev()
    {
        CompareRow[] rows = [Row("all", 1, 1.0, 2.0), Row("all", 2, 2.0, 4.0), Row("all", 3, 3.0, 9.0)];

        PolicySummary s = Assert.Single(CompareAggregation.Summarize(rows));

        Assert.Equal(5.0, s.CarbonKg.Mean, 12);
        // Deviations -3, -1, 4: squares sum to 26, over n - 1 = 2.
        Assert.Equal(Math.Sqrt(13), s.CarbonKg.StdDev, 12);
        Assert.Equal(10.0, s.EnergyKwh.Mean, 12);
        Assert.Equal(2.0, s.TimeToTargetHours.Mean, 12);
        Assert.Equal(1.0, s.TimeToTargetHours.StdDev, 12);
        Assert.Equal((3, 3), (s.Reached, s.Seeds));
    }

    [Fact]
    public void Summarize_SomeSeedsMissTarget_TimeOverReachedOnlyAndCounts()
    {
        CompareRow[] rows = [Row("a", 1, null, 1), Row("a", 2, 4.0, 1), Row("b", 1, null, 3), Row("b", 2, null, 5)];

        IReadOnlyList<PolicySummary> s = CompareAggregation.Summarize(rows);

        Assert.Equal(["a", "b"], s.Select(x => x.Policy));
        Assert.Equal((1, 2), (s[0].Reached, s[0].Seeds));
        Assert.Equal(new MeanSpread(4.0, 0, 1), s[0].TimeToTargetHours);
        Assert.Equal(0, s[1].Reached);
        Assert.Equal(0, s[1].TimeToTargetHours.Count);
        Assert.True(double.IsNaN(s[1].TimeToTargetHours.Mean));
        Assert.Equal(4.0, s[1].CarbonKg.Mean, 12);
    }

    [Fact]
    public void Summarize_PolicyOrder_IsOrderOfFirstAppearance()
    {
        CompareRow[] rows = [Row("zeta", 1, 1, 1), Row("alpha", 1, 1, 1), Row("zeta", 2, 1, 1)];

        Assert.Equal(["zeta", "alpha"], CompareAggregation.Summarize(rows).Select(x => x.Policy));
    }

    [Fact]
    public void Format_NoValue_IsDash()
    {
        Assert.Equal("-", CompareTable.Format(MeanSpread.Of([]), "0.0"));
        Assert.Equal("2.5\n±0.7", CompareTable.Format(MeanSpread.Of([2, 3]), "0.0"));
    }
}
