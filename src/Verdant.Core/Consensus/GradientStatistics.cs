namespace Verdant.Core.Consensus;

/// <summary>
/// One round's gradient spread: <paramref name="Nodes"/> gradients of <paramref name="BatchSize"/> examples each, the mean
/// of their squared norms |g_i|^2 (small batch) and the squared norm of their mean (batch Nodes x BatchSize).
/// </summary>
public readonly record struct GradientStatistics(int Nodes, int BatchSize, double MeanSquaredNorm, double SquaredNormOfMean)
{
    /// <summary>No measurement yet.</summary>
    public static GradientStatistics None => new(0, 0, double.NaN, double.NaN);
}
