namespace Verdant.Core.Policies;

/// <summary>
/// What a policy sees of one unit: its site, speed (FLOP/s), power when training (W; PUE, network share and amortized
/// wake-up included) and the seconds one round's local computation takes on it.
/// </summary>
public sealed record UnitView(int Index, int Site, double SustainedFlops, double TrainingPowerW, double RoundComputeS)
{
    /// <summary>Training examples on the unit (0 when unknown).</summary>
    public int ShardSize { get; init; }

    /// <summary>The unit's mean training loss the last time it trained (NaN before it ever trained).</summary>
    public double RecentLoss { get; init; } = double.NaN;
}
