using Verdant.Cli.Compare;
using Verdant.Cli.Suite;

namespace Verdant.Cli.Tests.Suite;

public class SuiteStatisticsTests
{
    private static SuiteRow Row(string scenario, string policy, int seed, double carbonKg, double? hours)
        => new(scenario, new CompareRow(policy, seed, hours, 0.8, 1, 1, carbonKg, 0, 0, 1, 10, hours is null ? "rounds" : "target"));

    private static readonly SuiteRow[] Rows =
    [
        Row("s", "all", 1, 10, 1), Row("s", "all", 2, 20, 2),
        Row("s", "adaptive", 1, 3, 2), Row("s", "adaptive", 2, 4, 3),
        Row("s", "fedzero", 1, 2, 2), Row("s", "fedzero", 2, 4, 3),
        Row("s", "carbonscaler", 1, 1, 1), Row("s", "carbonscaler", 2, 1, null),
        Row("t", "all", 1, 10, 1), Row("t", "adaptive", 1, 5, 4), Row("t", "fedzero", 1, 4, 3), Row("t", "carbonscaler", 1, 6, 1),
    ];

    [Fact]
    public void Of_RatiosToReferenceOnTheSameSeed_MedianAndRange()
    {
        var statistics = SuiteStatistics.Of(Rows, "all", "adaptive");

        PolicyVerdict adaptive = statistics.Scenarios[0].Policies.Single(p => p.Policy == "adaptive");
        Assert.Equal(new Ratio(0.25, 0.2, 0.3, 2), adaptive.Carbon);
        Assert.Equal(new Ratio(1.75, 1.5, 2, 2), adaptive.Time);
        Assert.Equal(2, adaptive.Reached);
    }

    [Fact]
    public void Of_MissedSeed_HasNoTimeRatioAndCannotDominate()
    {
        var statistics = SuiteStatistics.Of(Rows, "all", "adaptive");

        PolicyVerdict scaler = statistics.Scenarios[0].Policies.Single(p => p.Policy == "carbonscaler");
        Assert.Equal(1, scaler.Reached);
        Assert.Equal(1, scaler.Time.Count);
        Assert.Equal(0, scaler.DominatesRecommended);
    }

    [Fact]
    public void Of_LowerOrEqualMeanCarbonAndTime_Dominates_CountedPerScenarioOverall()
    {
        var statistics = SuiteStatistics.Of(Rows, "all", "adaptive");

        Assert.Equal(["s", "t"], statistics.Scenarios.Select(s => s.Scenario));
        Assert.Equal(1, statistics.Scenarios[0].Policies.Single(p => p.Policy == "fedzero").DominatesRecommended);
        Assert.Equal(1, statistics.Scenarios[1].Policies.Single(p => p.Policy == "fedzero").DominatesRecommended);
        Assert.Equal(0, statistics.Scenarios[1].Policies.Single(p => p.Policy == "carbonscaler").DominatesRecommended);
        Assert.Equal(2, statistics.Overall.Single(p => p.Policy == "fedzero").DominatesRecommended);
        Assert.Equal(0, statistics.Overall.Single(p => p.Policy == "all").DominatesRecommended);
        Assert.Equal(new Ratio(0.3, 0.2, 0.5, 3), statistics.Overall.Single(p => p.Policy == "adaptive").Carbon);
    }

    [Fact]
    public void Of_DivergedRuns_CountedAsSeedsThatMissedAndLeftOutOfRatios()
    {
        var statistics = SuiteStatistics.Of(Rows, "all", "adaptive", [("s", "adaptive"), ("t", "random-k")]);

        PolicyVerdict adaptive = statistics.Scenarios[0].Policies.Single(p => p.Policy == "adaptive");
        Assert.Equal((3, 2, 1), (adaptive.Seeds, adaptive.Reached, adaptive.Diverged));
        Assert.Equal(new Ratio(0.25, 0.2, 0.3, 2), adaptive.Carbon);
        PolicyVerdict onlyDiverged = statistics.Scenarios[1].Policies.Single(p => p.Policy == "random-k");
        Assert.Equal((1, 0, 1, 0), (onlyDiverged.Seeds, onlyDiverged.Reached, onlyDiverged.Diverged, onlyDiverged.Carbon.Count));
        PolicyVerdict overall = statistics.Overall.Single(p => p.Policy == "adaptive");
        Assert.Equal((4, 3, 1), (overall.Seeds, overall.Reached, overall.Diverged));
        Assert.Contains("reached 3/4", SuiteTable.Bar(statistics, "all", "adaptive"), StringComparison.Ordinal);
    }
}
