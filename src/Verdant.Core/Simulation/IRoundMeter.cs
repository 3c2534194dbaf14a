namespace Verdant.Core.Simulation;

/// <summary>
/// Where a run's time and compute energy come from when units train for real (cluster mode with a wall-clock replay):
/// after each round it replaces the model's duration and per-site compute and idle energy in the round's
/// <see cref="RoundCost"/> with what was measured, and it waits out the wall time of epochs in which nothing trains.
/// Without a meter the simulation keeps its modelled clock and energy.
/// </summary>
public interface IRoundMeter
{
    /// <summary>
    /// Called once the round that started at <paramref name="startUtc"/> (simulated) has run with the units in
    /// <paramref name="training"/>: writes the round's measured duration and energy into <paramref name="cost"/>.
    /// </summary>
    void AfterRound(DateTimeOffset startUtc, RoundCost cost, ReadOnlySpan<bool> training);

    /// <summary>Nothing trains until <paramref name="nextUtc"/> (simulated): returns once that instant has come.</summary>
    void WaitUntil(DateTimeOffset nextUtc, CancellationToken cancellationToken);
}
