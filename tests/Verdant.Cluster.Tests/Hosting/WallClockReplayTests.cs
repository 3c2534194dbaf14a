using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Metering;
using Verdant.Cluster.Tests.Metering;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class WallClockReplayTests
{
    [Fact]
    public async Task Run_Replay_TrainsAsSimulatorAndNamesEachSitesEnergySource()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 8);
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        // Silo 0 (site sunny) reads a RAPL counter; the others' machines expose none.
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario, configure: (index, silo) =>
            silo.Services.AddSingleton<IEnergyCounter>(index == 0 ? new ScriptedCounter("m0") : new ScriptedCounter($"m{index}", "fake: no RAPL")));
        var wall = new FakeTimeProvider();
        // Each round ends with the driver reporting progress on its own thread; two wall seconds pass there, so every round
        // after the first lasts exactly 2 wall s x 600.
        var tick = new InlineProgress(_ => wall.Advance(TimeSpan.FromSeconds(2)));

        ClusterRunResult run = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "replay",
            progress: tick, replay: new WallClockReplay(wall, 600));

        Assert.Equal(expected.Rounds.Select(r => r.TrainLoss), run.Result.Rounds.Select(r => r.TrainLoss));
        Assert.Equal(expected.Final.TestAccuracy, run.Result.Final.TestAccuracy);
        Assert.Equal(0, run.Result.Rounds[0].DurationS);
        Assert.All(run.Result.Rounds.Skip(1), r => Assert.Equal(1200, r.DurationS, 1e-9));
        Assert.Equal(
            [("sunny", "rapl", (string?)null, 16L, 0L), ("windy", "modelled", "fake: no RAPL", 0L, 16L), ("coal", "modelled", "fake: no RAPL", 0L, 16L)],
            run.EnergySources.Select(s => (s.Site, s.Source, s.Reason, s.RaplUnitRounds, s.ModelledUnitRounds)));
        Assert.All(run.Result.Rounds, r => Assert.True(r.ComputeKwh > 0));
    }

    [Fact]
    public async Task Run_NoReplay_SaysEnergyIsSimulated()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 2);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario);

        ClusterRunResult run = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "no-replay");

        Assert.All(run.EnergySources, s => Assert.Equal(SiteEnergySource.Simulated, s.Source));
        Assert.Equal(ClusterScenarios.SiteNames, run.EnergySources.Select(s => s.Site));
    }

    private sealed class InlineProgress(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
