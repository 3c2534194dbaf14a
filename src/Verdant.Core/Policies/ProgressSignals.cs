namespace Verdant.Core.Policies;

/// <summary>
/// What the optimization has told us so far: rounds run, last mean training loss, consensus distance, the smoothed
/// gradient-noise scale estimate at a common point, in examples (NaN until measured), and the last validation accuracy of the participants' average
/// model (NaN before the first evaluation). Policies never see the test set.
/// </summary>
public sealed record ProgressSignals(int Round, double TrainingLoss, double ConsensusDistance, double NoiseScale,
    double ValidationAccuracy)
{
    /// <summary>
    /// Between-node heterogeneity zeta^2 / |G|^2: how far the active units' own gradients (their shards, at their
    /// parameters) spread around the common one, relative to it; 0 for identical shards, NaN until two units trained
    /// together. Measured apart from <see cref="NoiseScale"/>, which no longer counts it (see
    /// <see cref="Consensus.GradientNoiseScale"/>). A data-aware allocation reads it to judge how much covering more
    /// shards matters.
    /// </summary>
    public double HeterogeneityScale { get; init; } = double.NaN;

    /// <summary>Signals before the first round.</summary>
    public static ProgressSignals Initial { get; } = new(0, double.NaN, 0, double.NaN, double.NaN);
}
