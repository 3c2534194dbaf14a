namespace Verdant.Core.Policies;

/// <summary>
/// What the optimization has told us so far: rounds run, last mean training loss, consensus distance, the smoothed
/// gradient-noise scale estimate (NaN until measured), and the last validation accuracy of the participants' average
/// model (NaN before the first evaluation). Policies never see the test set.
/// </summary>
public sealed record ProgressSignals(int Round, double TrainingLoss, double ConsensusDistance, double NoiseScale,
    double ValidationAccuracy)
{
    /// <summary>
    /// Between-node heterogeneity of the gradients, in examples like the noise scale (NaN until measured): how far the
    /// units' data pull apart, as opposed to sampling noise within one unit.
    /// </summary>
    public double Heterogeneity { get; init; } = double.NaN;

    /// <summary>Signals before the first round.</summary>
    public static ProgressSignals Initial { get; } = new(0, double.NaN, 0, double.NaN, double.NaN);
}
