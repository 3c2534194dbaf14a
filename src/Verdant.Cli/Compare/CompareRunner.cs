using System.Runtime.ExceptionServices;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>
/// Runs every (policy, seed) scenario of a comparison, several at once, each simulation on one worker thread. The data
/// sets and the BLAS are shared read-only; each simulation owns its state, so results do not depend on the concurrency.
/// </summary>
internal static class CompareRunner
{
    /// <summary>The runs to do, ordered by policy (as given) then seed: seeds are scenario.Seed, +1, +2, ...</summary>
    public static IReadOnlyList<Scenario> Plan(Scenario scenario, IReadOnlyList<string> policies, int seeds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        return [.. policies.SelectMany(p => Enumerable.Range(0, seeds).Select(i => scenario with { PolicyName = p, Seed = scenario.Seed + i }))];
    }

    /// <summary>Runs <paramref name="plan"/> with at most <paramref name="concurrency"/> simulations at a time; results in plan order.</summary>
    /// <exception cref="DivergenceException">A run blew up; the message names its policy and seed. The other runs are cancelled.</exception>
    public static IReadOnlyList<CompareRun> Run(IReadOnlyList<Scenario> plan, Dataset train, Dataset test, IGemm gemm,
        int concurrency, ICompareProgress progress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var results = new CompareRun[plan.Count];
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Commands.Interrupt.Token);
        int next = -1;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < plan.Count && !cancel.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                try
                {
                    results[i] = RunOne(plan[i], train, test, gemm, progress.Started(i), time, cancel.Token);
                    progress.Finished(i, results[i]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    cancel.Cancel();
                    throw;
                }
            }
        }

        Task[] workers = [.. Enumerable.Range(0, Math.Min(concurrency, plan.Count))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException ex)
        {
            // The first real failure is the cause; the others were cancelled because of it.
            Exception cause = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? ex.InnerExceptions[0];
            ExceptionDispatchInfo.Throw(cause);
        }

        Commands.Interrupt.ThrowIfRequested();

        return results;
    }

    private static CompareRun RunOne(Scenario scenario, Dataset train, Dataset test, IGemm gemm, IProgress<RoundProgress> progress,
        TimeProvider time, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        try
        {
            using var simulation = new Simulation(scenario, train, test, gemm, workers: 1);
            SimulationResult result = simulation.Run(progress, cancellationToken);
            return new CompareRun(result, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (DivergenceException ex)
        {
            throw new DivergenceException($"{scenario.PolicyName} seed {scenario.Seed}: {ex.Message}", ex);
        }
    }
}
