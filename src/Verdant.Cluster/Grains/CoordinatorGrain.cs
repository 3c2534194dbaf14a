using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;
using Verdant.Core.Consensus;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Grains;

/// <summary>
/// Drives one run with the simulator's own round loop (<see cref="Simulation"/>: policy, topology, Metropolis weights,
/// energy ledger, evaluation), whose trainer is a <see cref="GrainTrainer"/> over the units' grains. The loop blocks on
/// grain calls, so it runs on a thread of its own; this grain only starts it and hands out its outcome.
/// </summary>
internal sealed partial class CoordinatorGrain(ClusterWorkload workload, IOptions<VerdantClusterOptions> options,
    ILogger<CoordinatorGrain> logger) : Grain, ICoordinatorGrain
{
    private readonly TaskCompletionSource<RunOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;

    public Task Start()
    {
        if (_run is not null)
        {
            return Task.CompletedTask;
        }

        // The run outlives any idle period of this activation's own calls.
        DelayDeactivation(TimeSpan.FromDays(7));
        string run = this.GetPrimaryKeyString();
        IGrainFactory grains = GrainFactory;
        LogStarted(logger, run, workload.Scenario.Name);
        _run = Task.Factory.StartNew(() => _outcome.TrySetResult(Execute(run, grains)), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task<RunOutcome?> WaitForOutcome(TimeSpan timeout)
    {
        Task finished = await Task.WhenAny(_outcome.Task, Task.Delay(timeout));
        return finished == _outcome.Task ? await _outcome.Task : null;
    }

    private RunOutcome Execute(string run, IGrainFactory grains)
    {
        Scenario scenario = workload.Scenario;
        INodeGrain Node(int unit) => grains.GetGrain<INodeGrain>(NodeKey.Format(run, unit, workload.SiteOfUnit[unit]));
        try
        {
            using var simulation = new Simulation(scenario, workload.Train, workload.Test, workload.Gemm, workers: 1,
                trainerFactory: _ => new GrainTrainer(Node, scenario.UnitCount, scenario.Model.ParameterCount,
                    scenario.Training.BatchSize, options.Value.GradientStatistics, firstRound: 0));
            SimulationResult result = simulation.Run();
            NodeCounters[] counters = Task.WhenAll(Enumerable.Range(0, scenario.UnitCount).Select(i => Node(i).GetCounters()))
                .GetAwaiter().GetResult();
            LogFinished(logger, run, result.Rounds.Count);
            return new RunOutcome(ResultCodec.Encode(result), null, counters.Sum(c => c.Late), counters.Sum(c => c.Duplicate));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The run's boundary: whatever stopped it is reported to the client rather than lost on this thread.
            LogFailed(logger, run, ex.Message);
            return new RunOutcome(null, ex.Message, 0, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "run {Run} of scenario {Scenario} started")]
    private static partial void LogStarted(ILogger logger, string run, string scenario);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {Run} finished after {Rounds} rounds")]
    private static partial void LogFinished(ILogger logger, string run, int rounds);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {Run} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string run, string reason);
}
