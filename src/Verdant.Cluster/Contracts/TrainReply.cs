namespace Verdant.Cluster.Contracts;

/// <summary>
/// A unit's report after its local steps: mean loss (and mean squared per-example loss) over the steps, tr(Sigma) from
/// its half-batch gradients, |g|^2 of its last gradient (and g itself when the
/// plan asked, for the gradient-noise estimate), and its busy seconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrainReply(
    [property: Id(0)] int Round,
    [property: Id(1)] float Loss,
    [property: Id(2)] float GradientNormSquared,
    [property: Id(3)] float[]? Gradient,
    [property: Id(4)] double BusyS,
    [property: Id(5)] double SquaredLoss,
    [property: Id(6)] double WithinTrace);
