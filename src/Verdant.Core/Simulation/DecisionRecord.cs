namespace Verdant.Core.Simulation;

/// <summary>One policy decision: when, how many units, the spectral gap of their graph, and the policy's reason.</summary>
public sealed record DecisionRecord(DateTimeOffset TimeUtc, int Round, int ActiveUnits, int ActiveSites, double SpectralGap,
    string Reason);
