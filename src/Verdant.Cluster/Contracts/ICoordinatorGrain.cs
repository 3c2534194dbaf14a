using Orleans.Concurrency;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// Drives one run (key: the run id): runs the allocation policy at decision epochs, publishes each round's plan to the
/// units, gathers their completions, accounts energy and evaluates the average model.
/// </summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the run if it is not running yet; returns at once.</summary>
    Task Start();

    /// <summary>The outcome once the run has finished, or null if it has not within <paramref name="timeout"/>.</summary>
    [AlwaysInterleave]
    Task<RunOutcome?> WaitForOutcome(TimeSpan timeout);
}
