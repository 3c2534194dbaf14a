namespace Verdant.Core.Policies;

/// <summary>
/// What a policy sees of one unit: its site, speed (FLOP/s), power drawn at its site when training (W; PUE and amortized
/// wake-up included) and the seconds one round's local computation takes on it.
/// </summary>
public sealed record UnitView(int Index, int Site, double SustainedFlops, double TrainingPowerW, double RoundComputeS)
{
    /// <summary>
    /// Network power the unit adds while training (W, an upper bound). Routers are behind no site's meter: this is always
    /// grid power, which no renewable surplus offsets.
    /// </summary>
    public double NetworkPowerW { get; init; }

    /// <summary>Training examples on the unit (0 when unknown).</summary>
    public int ShardSize { get; init; }

    /// <summary>Mean of the unit's squared per-example training losses the last time it trained (NaN before it ever trained).</summary>
    public double RecentSquaredLoss { get; init; } = double.NaN;

    /// <summary>The unit's mean training loss the last time it trained (NaN before it ever trained).</summary>
    public double RecentLoss { get; init; } = double.NaN;
}
