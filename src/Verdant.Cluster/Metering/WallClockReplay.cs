namespace Verdant.Cluster.Metering;

/// <summary>
/// A run in real mode: the scenario's series replayed against <paramref name="Wall"/>, <paramref name="TimeScale"/>
/// simulated seconds per wall second, with compute energy measured (RAPL) or modelled from busy time.
/// </summary>
public sealed record WallClockReplay(TimeProvider Wall, double TimeScale);
