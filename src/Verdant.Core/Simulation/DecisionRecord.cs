namespace Verdant.Core.Simulation;

/// <summary>One policy decision: when, how many units, the spectral gap of their graph, the gradient noise scale then, and the policy's reason.</summary>
public sealed record DecisionRecord(DateTimeOffset TimeUtc, int Round, int ActiveUnits, int ActiveSites, double SpectralGap,
    double NoiseScale, string Reason)
{
    /// <summary>The between-node heterogeneity scale zeta^2 / |G|^2 then (NaN until measured).</summary>
    public double HeterogeneityScale { get; init; } = double.NaN;
}
