namespace Verdant.Core.Consensus;

/// <summary>A topology choice with its parameters (<paramref name="EdgeProbability"/> for Erdos-Renyi, <paramref name="K"/> for k-nearest).</summary>
public sealed record TopologySpec(TopologyKind Kind, double EdgeProbability = 0.2, int K = 3);
