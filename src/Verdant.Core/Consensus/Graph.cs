namespace Verdant.Core.Consensus;

/// <summary>An undirected simple graph on nodes 0..N-1 with sorted adjacency lists (CSR), the communication graph of the units.</summary>
public sealed class Graph
{
    /// <summary>Builds a graph; self-loops and duplicate edges are dropped; throws on out-of-range endpoints.</summary>
    public Graph(int nodeCount, IEnumerable<(int A, int B)> edges) => throw new NotImplementedException();

    /// <summary>Number of nodes.</summary>
    public int NodeCount => throw new NotImplementedException();

    /// <summary>Number of undirected edges.</summary>
    public int EdgeCount => throw new NotImplementedException();

    /// <summary>Sorted neighbours of <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => throw new NotImplementedException();

    /// <summary>Degree of <paramref name="node"/>.</summary>
    public int Degree(int node) => throw new NotImplementedException();

    /// <summary>Whether the subgraph induced by the active nodes is connected (true for zero or one active node).</summary>
    public bool IsConnected(ReadOnlySpan<bool> active) => throw new NotImplementedException();

    /// <summary>All edges with A &lt; B, in order.</summary>
    public IEnumerable<(int A, int B)> Edges() => throw new NotImplementedException();
}
