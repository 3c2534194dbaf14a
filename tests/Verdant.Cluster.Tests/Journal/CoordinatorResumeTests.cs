using System.Text.Json.Nodes;
using Orleans.TestingHost;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Journal;
using Verdant.Core.Consensus;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Journal;

/// <summary>
/// The coordinator "dies" (its loop is cancelled from the progress hook right after round R, a phase barrier, no sleeps)
/// while the silos keep running; a new coordinator on the same cluster and log must finish the very run the simulator makes.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class CoordinatorResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verdant-resume-").FullName;

    private string LogPath => Path.Combine(_dir, CoordinatorLog.FileName);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("all", 9, false)]
    [InlineData("random-k", -1, false)]
    [InlineData("random-k", -1, true)]
    [InlineData("adaptive", 11, true)]
    public async Task Run_CoordinatorKilledMidRun_ResumedRunEqualsUninterrupted(string policy, int crashAfter, bool lastRecordLost)
    {
        Scenario scenario = ClusterScenarios.Small(policy);
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        // -1: right after the first round of a decision that changes who trains (units rejoin by catch-up before it).
        crashAfter = crashAfter >= 0 ? crashAfter : ChangingDecisionRound(expected) + 1;
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario);
        string run = $"resume-{policy}-{lastRecordLost}";
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, run, null);
        await CrashAfter(cluster, scenario, header, crashAfter);
        if (lastRecordLost)
        {
            // The units did round R-1 (trained and mixed) but its record never reached the disk.
            File.WriteAllLines(LogPath, File.ReadAllLines(LogPath)[..^1]);
        }

        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        Assert.Equal(lastRecordLost ? crashAfter - 1 : crashAfter, log.Rounds.Count);
        ClusterRunResult resumed = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), run, log: log);

        Assert.Equal(expected.Rounds.Select(r => r.TrainLoss), resumed.Result.Rounds.Select(r => r.TrainLoss));
        Assert.Equal(expected.Rounds, resumed.Result.Rounds);
        Assert.Equal(expected.Decisions.Select(CoordinatorLog.ToJson), resumed.Result.Decisions.Select(CoordinatorLog.ToJson));
        Assert.Equal(Summary(expected), Summary(resumed.Result));
        Assert.Equal(expected.Final, resumed.Result.Final);
        Assert.Equal(expected.Rounds.Count + 1, File.ReadAllLines(LogPath).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Run_CoordinatorDiesBetweenTrainAndMix_ResumedRunEqualsUninterrupted(int unitsMixed)
    {
        Scenario scenario = ClusterScenarios.Small("random-k");
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        int round = ChangingDecisionRound(expected);
        // The coordinator's Mix calls of that round fail after the first `unitsMixed`: every unit has trained it, that
        // many have mixed it, and the loop dies (a DivergenceException is never absorbed as a lost unit).
        var crash = new MixCrash(round, unitsMixed);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario,
            client: c => c.AddOutgoingGrainCallFilter(crash.Filter));
        string run = $"between-{unitsMixed}";
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, run, null);
        using (CoordinatorLog first = CoordinatorLog.Create(LogPath, header))
        {
            await Assert.ThrowsAsync<DivergenceException>(
                () => ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), run, log: first));
        }

        crash.Armed = false;
        NodeCounters[] units = await Task.WhenAll(Enumerable.Range(0, scenario.UnitCount).Select(i => cluster.Client
            .GetGrain<INodeGrain>(NodeKey.Format(run, i, ClusterScenarios.SiteNames[i / 2])).GetCounters()));
        Assert.Equal(expected.Rounds[round].ActiveUnits, units.Count(u => u.TrainedRound == round));
        Assert.Equal(unitsMixed, units.Count(u => u.MixedRound == round));
        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        Assert.Equal(round, log.Rounds.Count);
        ClusterRunResult resumed = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), run, log: log);

        Assert.Equal(expected.Rounds, resumed.Result.Rounds);
        Assert.Equal(expected.Decisions.Select(CoordinatorLog.ToJson), resumed.Result.Decisions.Select(CoordinatorLog.ToJson));
        Assert.Equal(Summary(expected), Summary(resumed.Result));
        Assert.Equal(expected.Final, resumed.Result.Final);
    }

    [Fact]
    public async Task Run_LogEditedBehindItsBack_FailsNamingTheRound()
    {
        Scenario scenario = ClusterScenarios.Small("greenest-k");
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario);
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, "edited", null);
        await CrashAfter(cluster, scenario, header, 5);
        string[] lines = File.ReadAllLines(LogPath);
        JsonNode line = JsonNode.Parse(lines[3])!;
        line["round"]!["ledger"]!["carbon_kg"] = 1e6;
        lines[3] = line.ToJsonString();
        File.WriteAllLines(LogPath, lines);

        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        var ex = await Assert.ThrowsAsync<CoordinatorLogException>(
            () => ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "edited", log: log));

        Assert.StartsWith("the coordinator log does not replay: round 2: its ledger totals replayed as {", ex.Message);
    }

    [Fact]
    public async Task Run_LogTwoRoundsBehindTheUnits_RefusesToGoLive()
    {
        Scenario scenario = ClusterScenarios.Small("all");
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario);
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, "behind", null);
        await CrashAfter(cluster, scenario, header, 6);
        File.WriteAllLines(LogPath, File.ReadAllLines(LogPath)[..^2]);

        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        var ex = await Assert.ThrowsAsync<CoordinatorLogException>(
            () => ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "behind", log: log));

        Assert.Equal($"{LogPath}: unit 0 has reached round 5 but the log ends before round 4: the log is behind the cluster", ex.Message);
    }

    [Fact]
    public async Task Run_UnitsReactivatedFromLastRoundCheckpoints_ResumedRunEqualsUninterrupted()
    {
        Scenario scenario = ClusterScenarios.Small("all");
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario, checkpointEvery: 1);
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, "collected", null);
        await CrashAfter(cluster, scenario, header, 4);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        ClusterRunResult resumed = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "collected", log: log);

        Assert.Equal(expected.Rounds, resumed.Result.Rounds);
        Assert.Equal(expected.Final, resumed.Result.Final);
        Assert.Empty(resumed.Rejoins);
    }

    [Fact]
    public async Task Run_UnitsReactivatedWithoutCheckpoint_RejoinAndTheRunFinishes()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 10);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario, checkpointEvery: 0);
        CoordinatorLogHeader header = CoordinatorLogHeader.For(scenario, "fresh", null);
        await CrashAfter(cluster, scenario, header, 4);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        using CoordinatorLog log = CoordinatorLog.Resume(LogPath, header);
        ClusterRunResult resumed = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "fresh", log: log);

        Assert.Equal(10, resumed.Result.Rounds.Count);
        Assert.All(resumed.Result.Rounds, r => Assert.True(double.IsFinite(r.TrainLoss)));
        Assert.Equal(Enumerable.Range(0, 6).Select(u => (4, u, 0)), resumed.Rejoins.Order());
    }

    private async Task CrashAfter(InProcessTestCluster cluster, Scenario scenario, CoordinatorLogHeader header, int rounds)
    {
        using var kill = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Round == rounds)
            {
                kill.Cancel();
            }
        });
        using CoordinatorLog log = CoordinatorLog.Create(LogPath, header);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClusterDriver.RunAsync(cluster.Client,
            ClusterScenarios.Workload(scenario), header.Run, progress: progress, log: log, cancellationToken: kill.Token));
        Assert.Equal(rounds + 1, File.ReadAllLines(LogPath).Length);
    }

    // Ledger (with every site-hour row: batteries, grid, carbon), bytes, clock and stop, as text so that NaN equals NaN.
    private static string Summary(SimulationResult r) => CoordinatorLog.ToJson(new
    {
        r.Energy, r.EnergyRows, r.NetworkRows, r.BytesSent, r.NodeRounds, r.SimulatedHours, r.TimeToTargetHours, r.StopReason,
    });

    private static int ChangingDecisionRound(SimulationResult run)
    {
        for (int d = 1; d < run.Decisions.Count; d++)
        {
            if (!run.Decisions[d].ActiveUnitsBySite.SequenceEqual(run.Decisions[d - 1].ActiveUnitsBySite) && run.Decisions[d].Round > 0)
            {
                return run.Decisions[d].Round;
            }
        }

        throw new InvalidOperationException("the scenario never changes who trains: " + string.Join(" | ", run.Decisions.Select(d => $"{d.Round} {string.Join(",", d.ActiveUnitsBySite)} {d.Reason}")));
    }

    private sealed class MixCrash(int round, int unitsMixed)
    {
        public bool Armed { get; set; } = true;

        private int _issued;

        public Task Filter(IOutgoingGrainCallContext context)
        {
            if (Armed && context.MethodName == nameof(INodeGrain.Mix) && context.Request.GetArgument(0) is MixPlan plan && plan.Round == round)
            {
                if (Interlocked.Increment(ref _issued) > unitsMixed)
                {
                    throw new DivergenceException($"coordinator killed between the phases of round {round}");
                }
            }

            return context.Invoke();
        }
    }

    private sealed class InlineProgress(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
