using System.Diagnostics;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Grains;
using Verdant.Cluster.Metering;
using Verdant.Cluster.Journal;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Hosting;

/// <summary>A finished cluster run: the Core result and the parameter messages the units ignored.</summary>
public sealed record ClusterRunResult(SimulationResult Result, long LateMessages, long DuplicateMessages)
{
    /// <summary>Where each site's compute energy came from, in site order.</summary>
    public IReadOnlyList<SiteEnergySource> EnergySources { get; init; } = [];

    /// <summary>Rounds of a wall-clock replay cut at the end of the supply series.</summary>
    public int TruncatedRounds { get; init; }

    /// <summary>Units that came back after failing rounds (their site was down): (round, unit, neighbours caught up from).</summary>
    public IReadOnlyList<(int Round, int Unit, int Sources)> Rejoins { get; init; } = [];
}

/// <summary>
/// The coordinator of a run: the simulator's own round loop (<see cref="Simulation"/>: policy, topology, Metropolis
/// weights, energy ledger, evaluation of the average model) whose trainer is a <see cref="GrainTrainer"/> over the units'
/// grains. It runs in the client process that starts the run, on a thread of its own, because the loop blocks on grain
/// calls round by round.
/// </summary>
/// <remarks>
/// Run from inside a silo (a coordinator grain starting this loop on its own thread, calls going out through the silo's
/// hosted client), units' calls to each other on one silo stalled until the response timeout in Orleans 10.4.2; from an
/// external client they do not, so the coordinator lives with the client (docs/cluster.md).
/// </remarks>
public static class ClusterDriver
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="workload"/>'s scenario as run <paramref name="run"/> on the cluster behind <paramref name="grains"/>,
    /// on the simulator's modelled clock, or, with <paramref name="replay"/>, on the wall clock with measured energy.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="log"/>, every round is appended to it; a log opened with <see cref="CoordinatorLog.Resume"/>
    /// is replayed first (its run must be <paramref name="run"/>) and the run goes on from its last round. A replay of the
    /// wall clock cannot be resumed (its measured times and energy are not in the log), so the two do not mix.
    /// </remarks>
    /// <exception cref="CoordinatorLogException">The log does not replay to what it recorded, or the units are past it.</exception>
    /// <exception cref="Core.Consensus.DivergenceException">Training blew up; the message names the round and unit.</exception>
    public static Task<ClusterRunResult> RunAsync(IGrainFactory grains, ClusterWorkload workload, string run,
        bool gradientStatistics = true, IProgress<RoundProgress>? progress = null, WallClockReplay? replay = null,
        CoordinatorLog? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(workload);
        if (replay is not null && log is { Rounds.Count: > 0 })
        {
            throw new ArgumentException("a wall-clock replay cannot resume a logged run", nameof(log));
        }

        return Task.Factory.StartNew(() => Run(grains, workload, run, gradientStatistics, progress, replay, log, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static ClusterRunResult Run(IGrainFactory grains, ClusterWorkload workload, string run, bool gradientStatistics,
        IProgress<RoundProgress>? progress, WallClockReplay? replay, CoordinatorLog? log, CancellationToken cancellationToken)
    {
        Scenario scenario = workload.Scenario;
        INodeGrain Node(int unit) => grains.GetGrain<INodeGrain>(NodeKey.Format(run, unit, workload.SiteOfUnit[unit]));
        WaitForUnits(Node, scenario.UnitCount, cancellationToken);
        GrainTrainer? trainer = null;
        ReplayClock? clock = replay is null ? null : new ReplayClock(replay.Wall, scenario.StartUtc, replay.TimeScale);
        WallClockMeter? meter = clock is null ? null : new WallClockMeter(clock, scenario, () => trainer!.LastReplies);
        JournalingTrainer? journal = null;
        using var simulation = new Simulation(scenario, workload.Train, workload.Test, workload.Gemm, workers: 1,
            trainerFactory: _ =>
            {
                trainer = new GrainTrainer(Node, scenario.UnitCount, scenario.Model.ParameterCount,
                    scenario.Training.BatchSize, gradientStatistics, firstRound: log?.Rounds.Count ?? 0);
                return log is null ? trainer : journal = new JournalingTrainer(trainer, log, Node);
            }) { Meter = meter, Journal = journal };
        clock?.Restart();
        SimulationResult result = simulation.Run(progress, cancellationToken);
        NodeCounters[] counters = [.. Enumerable.Range(0, scenario.UnitCount).Select(i => Node(i).GetCounters())
            .Select(CountersOrNone)];
        return new ClusterRunResult(result, counters.Sum(c => c.Late), counters.Sum(c => c.Duplicate))
        {
            Rejoins = [.. trainer?.Rejoins ?? []],
            EnergySources = meter?.Sources ?? [.. scenario.Sites.Select(s => new SiteEnergySource(s.Name, SiteEnergySource.Simulated,
                "no wall-clock replay: the simulator's energy model of the scenario's workload", 0, 0))],
            TruncatedRounds = meter?.TruncatedRounds ?? 0,
        };
    }

    // A unit whose site is gone has no counters to report.
    private static NodeCounters CountersOrNone(Task<NodeCounters> call)
    {
        try
        {
            return call.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is SiteUnavailableException or OrleansException or TimeoutException)
        {
            return new NodeCounters(0, 0, -1);
        }
    }

    /// <summary>
    /// Activates every unit on its site before the first round, asking again while a site's silo is still joining:
    /// a round then starts with every unit placed, instead of paying placement inside its first response timeout.
    /// </summary>
    /// <exception cref="TimeoutException">A unit could not be activated within <see cref="StartupTimeout"/>.</exception>
    private static void WaitForUnits(Func<int, INodeGrain> node, int count, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    node(i).GetCounters().WaitAsync(ProbeTimeout, cancellationToken).GetAwaiter().GetResult();
                    break;
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException)
                {
                    if (Stopwatch.GetElapsedTime(started) > StartupTimeout)
                    {
                        throw new TimeoutException($"unit {i} could not be activated on its site within {StartupTimeout.TotalSeconds} s: {ex.Message}", ex);
                    }
                }
            }
        }
    }
}
