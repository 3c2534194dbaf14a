namespace Verdant.Core.Simulation;

/// <summary>
/// The model a user would deploy at the end, the average over the units that participated: its test accuracy and loss,
/// and the participants' consensus distance; with its validation accuracy, the spread of the local models and the
/// consensus distance over the last active set and over all nodes.
/// </summary>
public sealed record FinalMetrics(double TestAccuracy, double TestLoss, double ConsensusDistance)
{
    /// <summary>Validation accuracy of the deployed model (the split held out of the training set).</summary>
    public double ValidationAccuracy { get; init; } = double.NaN;

    /// <summary>Units that made at least one round.</summary>
    public int Participants { get; init; }

    /// <summary>Test accuracy of the participants' own models: mean, minimum and 10th percentile.</summary>
    public LocalAccuracy LocalAccuracy { get; init; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Consensus distance over the units active in the last decision.</summary>
    public double ConsensusDistanceActive { get; init; }

    /// <summary>Consensus distance over all nodes, those that never trained included.</summary>
    public double ConsensusDistanceAll { get; init; }
}
