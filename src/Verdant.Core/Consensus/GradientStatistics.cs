namespace Verdant.Core.Consensus;

/// <summary>
/// One round's gradient spread: <paramref name="Nodes"/> gradients of <paramref name="BatchSize"/> examples each, the mean
/// of their squared norms |g_i|^2 (small batch) and the squared norm of their mean (batch Nodes x BatchSize).
/// </summary>
public readonly record struct GradientStatistics(int Nodes, int BatchSize, double MeanSquaredNorm, double SquaredNormOfMean)
{
    /// <summary>No measurement yet.</summary>
    public static GradientStatistics None => new(0, 0, double.NaN, double.NaN);

    /// <summary>
    /// Mean over nodes of tr(Sigma_i), the per-example gradient variance measured at each node's own parameters from two
    /// half-batches (|g_A - g_B|^2 / (1/b_A + 1/b_B)); NaN when not measured (batch of one).
    /// </summary>
    public double WithinTrace { get; init; } = double.NaN;

    /// <summary>tr(Sigma) of one node from its two half-batch gradients' squared distance and the halves' sizes.</summary>
    public static double HalfBatchTrace(double squaredDistance, int firstHalf, int secondHalf)
        => squaredDistance / ((1.0 / firstHalf) + (1.0 / secondHalf));
}
