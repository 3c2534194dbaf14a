using Orleans.TestingHost;
using Verdant.Cluster.Hosting;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class ClusterDriverTests
{
    [Theory]
    [InlineData("all")]
    [InlineData("greenest-k")]
    public async Task Run_WaitAll_EqualsSimulatorRecordForRecord(string policy)
    {
        Scenario scenario = ClusterScenarios.Small(policy);
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario);

        ClusterRunResult actual = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), $"eq-{policy}");

        Assert.Equal(expected.Rounds.Count, actual.Result.Rounds.Count);
        Assert.Equal(expected.Rounds.Select(r => r.TrainLoss), actual.Result.Rounds.Select(r => r.TrainLoss));
        Assert.Equal(expected.Rounds, actual.Result.Rounds);
        // Records compare arrays by reference: compare the per-site arrays by content, the rest as records.
        Assert.Equal(expected.Decisions.Select(WithoutArrays), actual.Result.Decisions.Select(WithoutArrays));
        Assert.Equal(expected.Decisions.SelectMany(d => d.ActiveUnitsBySite), actual.Result.Decisions.SelectMany(d => d.ActiveUnitsBySite));
        Assert.Equal(expected.Decisions.SelectMany(d => d.SiteLinks), actual.Result.Decisions.SelectMany(d => d.SiteLinks));
        Assert.Equal(expected.Final, actual.Result.Final);
        Assert.Equal(0, actual.LateMessages + actual.DuplicateMessages);
    }

    private static DecisionRecord WithoutArrays(DecisionRecord d) => d with { ActiveUnitsBySite = [], SiteLinks = [] };
}
