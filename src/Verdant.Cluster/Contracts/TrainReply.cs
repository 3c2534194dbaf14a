namespace Verdant.Cluster.Contracts;

/// <summary>
/// A unit's report after its local steps: mean loss (and mean squared per-example loss) over the steps, tr(Sigma) from
/// its half-batch gradients, |g|^2 of its last gradient (and g itself when the
/// plan asked, for the gradient-noise estimate), its busy seconds, and its machine's RAPL counters read before and after
/// the local steps (or why they could not be read).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrainReply(
    [property: Id(0)] int Round,
    [property: Id(1)] float Loss,
    [property: Id(2)] float GradientNormSquared,
    [property: Id(3)] FloatBlock? Gradient,
    [property: Id(4)] double BusyS,
    [property: Id(5)] double SquaredLoss,
    [property: Id(6)] double WithinTrace)
{
    /// <summary>The machine's energy counters just before the local steps; null when it exposes none.</summary>
    [Id(7)]
    public EnergyReading? EnergyBefore { get; init; }

    /// <summary>The machine's energy counters just after the local steps; null when it exposes none.</summary>
    [Id(8)]
    public EnergyReading? EnergyAfter { get; init; }

    /// <summary>Why the counters could not be read (null when they were).</summary>
    [Id(9)]
    public string? EnergyUnavailable { get; init; }
}
