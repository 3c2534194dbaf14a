namespace Verdant.Core.Simulation;

/// <summary>One policy decision: when, how many units, the spectral gap of their graph, the gradient noise scale then, and the policy's reason.</summary>
public sealed record DecisionRecord(DateTimeOffset TimeUtc, int Round, int ActiveUnits, int ActiveSites, double SpectralGap,
    double NoiseScale, string Reason);
