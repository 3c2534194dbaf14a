namespace Verdant.Core.Consensus;

/// <summary>A topology choice with its parameters (<paramref name="EdgeProbability"/> for Erdos-Renyi, <paramref name="K"/> for k-nearest, <see cref="MinSpectralGap"/> for energy-sparse).</summary>
public sealed record TopologySpec(TopologyKind Kind, double EdgeProbability = 0.2, int K = 3)
{
    /// <summary>Spectral-gap target of the energy-sparse topology, in (0, 1].</summary>
    public double MinSpectralGap { get; init; } = 0.1;
}
