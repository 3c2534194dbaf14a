using System.Runtime.ExceptionServices;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Engine;

/// <summary>
/// The one run engine behind `compare`, `compare --suite` and `sweep`: runs independent simulations several at once, each
/// on one worker thread, and hands each finished run to the caller on the thread that ran it (so a workspace can save it
/// before the next one starts). The data sets and the BLAS are shared read-only; each simulation owns its state, so
/// results do not depend on the concurrency or the finishing order.
/// </summary>
internal static class RunEngine
{
    /// <summary>
    /// Calls <paramref name="runOne"/> for every index in [0, <paramref name="count"/>) with at most
    /// <paramref name="concurrency"/> at a time, then <paramref name="finished"/> with its result; results in index order.
    /// </summary>
    /// <remarks>
    /// The first failure cancels the runs not yet finished and is rethrown as itself. Cancelling
    /// <paramref name="cancellationToken"/> stops handing out runs and cancels those in flight (their simulations stop at
    /// the next round); runs already handed to <paramref name="finished"/> stay finished. Then OperationCanceledException.
    /// </remarks>
    public static T[] Execute<T>(int count, int concurrency, Func<int, CancellationToken, T> runOne, Action<int, T> finished,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOne);
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var results = new T[count];
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int next = -1;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < count && !cancel.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                try
                {
                    results[i] = runOne(i, cancel.Token);
                    finished(i, results[i]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    cancel.Cancel();
                    throw;
                }
            }
        }

        Task[] workers = [.. Enumerable.Range(0, Math.Min(concurrency, count))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException ex)
        {
            // The first real failure is the cause; the others were cancelled because of it.
            Exception cause = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? ex.InnerExceptions[0];
            ExceptionDispatchInfo.Throw(cause);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    /// <summary>One simulation on one worker thread; a blow-up is reported with <paramref name="label"/> in front.</summary>
    public static (SimulationResult Result, double WallSeconds) Simulate(Scenario scenario, string label, Dataset train, Dataset test,
        IGemm gemm, IProgress<RoundProgress> progress, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        long started = time.GetTimestamp();
        try
        {
            using var simulation = new Simulation(scenario, train, test, gemm, workers: 1);
            SimulationResult result = simulation.Run(progress, cancellationToken);
            return (result, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (DivergenceException ex)
        {
            throw new DivergenceException($"{label}: {ex.Message}", ex);
        }
    }
}
