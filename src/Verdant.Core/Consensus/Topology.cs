namespace Verdant.Core.Consensus;

/// <summary>Builders of the communication graphs in <see cref="TopologyKind"/>; every builder returns a connected graph.</summary>
public static class Topology
{
    /// <summary>
    /// Builds <paramref name="spec"/> on <paramref name="nodeCount"/> nodes. <paramref name="distanceKm"/> gives pairwise
    /// distances for k-nearest (may be null otherwise); <paramref name="random"/> seeds Erdos-Renyi.
    /// </summary>
    /// <exception cref="ArgumentException">Parameters that cannot give that family (hypercube of 6 nodes, p outside (0,1]).</exception>
    public static Graph Build(TopologySpec spec, int nodeCount, Func<int, int, double>? distanceKm, Random random)
        => throw new NotImplementedException();
}
