namespace Verdant.Core.Consensus;

/// <summary>Communication graph families.</summary>
public enum TopologyKind
{
    /// <summary>Every pair linked.</summary>
    Complete,

    /// <summary>Cycle.</summary>
    Ring,

    /// <summary>2-D torus on the most square grid that holds N nodes.</summary>
    Torus,

    /// <summary>Hypercube (N a power of two).</summary>
    Hypercube,

    /// <summary>Node i linked to i +- 2^k (Assran et al., 2019; Ying et al., 2021).</summary>
    Exponential,

    /// <summary>Erdos-Renyi G(N, p), edges added until connected.</summary>
    ErdosRenyi,

    /// <summary>Each node linked to its k nearest by great-circle distance, then connected.</summary>
    KNearest,

    /// <summary>A minimum spanning tree on link cost, then the links with the best spectral-gap gain per joule until the gap target (<see cref="SparseTopology"/>).</summary>
    EnergySparse,
}
