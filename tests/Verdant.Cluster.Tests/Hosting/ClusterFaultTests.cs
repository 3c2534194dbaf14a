using Orleans.TestingHost;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class ClusterFaultTests
{
    [Fact]
    public async Task Run_SiloStoppedMidRun_SurvivorsFinishEveryRound()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 12);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario, placementWait: TimeSpan.FromMilliseconds(300));
        InProcessSiloHandle coal = cluster.Silos.Single(s => s.Name.EndsWith('2'));
        // The driver reports round 6 on its own thread and waits here until the coal site's silo is gone: a phase barrier.
        var stopAtSix = new InlineProgress(p =>
        {
            if (p.Round == 6)
            {
                cluster.StopSiloAsync(coal).GetAwaiter().GetResult();
            }
        });

        ClusterRunResult run = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "fault", progress: stopAtSix);

        Assert.Equal(12, run.Result.Rounds.Count);
        Assert.All(run.Result.Rounds, r => Assert.True(double.IsFinite(r.TrainLoss)));
        Assert.True(double.IsFinite(run.Result.Final.TestAccuracy));
        for (int unit = 0; unit < 4; unit++)
        {
            NodeCounters counters = await cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("fault", unit, ClusterScenarios.SiteNames[unit / 2])).GetCounters();
            Assert.Equal(11, counters.MixedRound);
        }
    }

    private sealed class InlineProgress(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
