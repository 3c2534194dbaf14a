using Verdant.Core.Consensus;

namespace Verdant.Cluster.Journal;

/// <summary><see cref="GradientStatistics"/> as a plain record, for the log.</summary>
public sealed record LoggedGradient(int Nodes, int BatchSize, double MeanSquaredNorm, double SquaredNormOfMean, double WithinTrace)
{
    /// <summary>The logged form of <paramref name="statistics"/>.</summary>
    public static LoggedGradient Of(GradientStatistics statistics)
        => new(statistics.Nodes, statistics.BatchSize, statistics.MeanSquaredNorm, statistics.SquaredNormOfMean, statistics.WithinTrace);

    /// <summary>The statistics back.</summary>
    public GradientStatistics ToStatistics()
        => new(Nodes, BatchSize, MeanSquaredNorm, SquaredNormOfMean) { WithinTrace = WithinTrace };
}
