using Verdant.Cluster.Contracts;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Hosting;

/// <summary>A finished cluster run as the client sees it: the Core result and the ignored-message counts.</summary>
public sealed record ClusterRunResult(SimulationResult Result, long LateMessages, long DuplicateMessages);

/// <summary>The client side of a run: starts the coordinator of run <c>run</c> and waits for its outcome.</summary>
public static class ClusterDriver
{
    // Each wait is one grain call, kept well under Orleans' default 30 s response timeout.
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(10);

    /// <summary>Runs to the end and returns the result.</summary>
    /// <exception cref="InvalidOperationException">The run stopped on an error; the message is the coordinator's.</exception>
    public static async Task<ClusterRunResult> RunAsync(IGrainFactory grains, string run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ICoordinatorGrain coordinator = grains.GetGrain<ICoordinatorGrain>(run);
        await coordinator.Start();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await coordinator.WaitForOutcome(WaitSlice) is { } outcome)
            {
                return outcome.ResultJson is { } json
                    ? new ClusterRunResult(ResultCodec.Decode(json), outcome.LateMessages, outcome.DuplicateMessages)
                    : throw new InvalidOperationException($"cluster run {run} failed: {outcome.Error}");
            }
        }
    }
}
