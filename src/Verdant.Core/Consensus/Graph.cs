using System.Buffers;

namespace Verdant.Core.Consensus;

/// <summary>An undirected simple graph on nodes 0..N-1 with sorted adjacency lists (CSR), the communication graph of the units.</summary>
/// <remarks>Immutable after construction, so one graph may be shared by threads.</remarks>
public sealed class Graph
{
    // Above this many nodes IsConnected rents its work arrays from the shared pool instead of the stack.
    private const int StackNodeLimit = 512;

    private readonly int[] _offsets;
    private readonly int[] _adjacency;

    /// <summary>Builds a graph; self-loops and duplicate edges are dropped; throws on out-of-range endpoints.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nodeCount"/> is negative, or an endpoint is outside [0, <paramref name="nodeCount"/>).
    /// </exception>
    public Graph(int nodeCount, IEnumerable<(int A, int B)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var directed = new List<long>();
        foreach (var (a, b) in edges)
        {
            CheckEndpoint(a, nodeCount, nameof(edges));
            CheckEndpoint(b, nodeCount, nameof(edges));
            if (a != b)
            {
                directed.Add(((long)a << 32) | (uint)b);
                directed.Add(((long)b << 32) | (uint)a);
            }
        }

        directed.Sort();
        NodeCount = nodeCount;
        _offsets = new int[nodeCount + 1];
        _adjacency = BuildCsr(directed, _offsets);
        EdgeCount = _adjacency.Length / 2;
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Number of undirected edges.</summary>
    public int EdgeCount { get; }

    /// <summary>Sorted neighbours of <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> Neighbors(int node)
        => _adjacency.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Degree of <paramref name="node"/>.</summary>
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>Whether the subgraph induced by the active nodes is connected (true for zero or one active node).</summary>
    /// <remarks>
    /// Breadth-first search. Its work arrays live on the stack up to 512 nodes and are rented from
    /// <see cref="ArrayPool{T}.Shared"/> above, so the call allocates nothing in steady state and is thread-safe.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="active"/> does not have <see cref="NodeCount"/> entries.</exception>
    public bool IsConnected(ReadOnlySpan<bool> active)
    {
        CheckMask(active, NodeCount, nameof(active));
        if (NodeCount <= StackNodeLimit)
        {
            Span<int> queue = stackalloc int[NodeCount];
            Span<bool> seen = stackalloc bool[NodeCount];
            return IsConnected(active, queue, seen);
        }

        int[] rentedQueue = ArrayPool<int>.Shared.Rent(NodeCount);
        bool[] rentedSeen = ArrayPool<bool>.Shared.Rent(NodeCount);
        try
        {
            return IsConnected(active, rentedQueue.AsSpan(0, NodeCount), rentedSeen.AsSpan(0, NodeCount));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rentedQueue);
            ArrayPool<bool>.Shared.Return(rentedSeen);
        }
    }

    /// <summary>All edges with A &lt; B, in order.</summary>
    public IEnumerable<(int A, int B)> Edges()
    {
        for (int a = 0; a < NodeCount; a++)
        {
            for (int k = _offsets[a]; k < _offsets[a + 1]; k++)
            {
                if (_adjacency[k] > a)
                {
                    yield return (a, _adjacency[k]);
                }
            }
        }
    }

    internal static void CheckMask(ReadOnlySpan<bool> active, int nodeCount, string paramName)
    {
        if (active.Length != nodeCount)
        {
            throw new ArgumentException($"The active mask needs {nodeCount} entries, got {active.Length}.", paramName);
        }
    }

    private bool IsConnected(ReadOnlySpan<bool> active, Span<int> queue, Span<bool> seen)
    {
        int start = active.IndexOf(true);
        if (start < 0)
        {
            return true;
        }

        seen.Clear();
        seen[start] = true;
        queue[0] = start;
        int head = 0;
        int tail = 1;
        while (head < tail)
        {
            foreach (int next in Neighbors(queue[head++]))
            {
                if (active[next] && !seen[next])
                {
                    seen[next] = true;
                    queue[tail++] = next;
                }
            }
        }

        return tail == active.Count(true);
    }

    private static int[] BuildCsr(List<long> sortedDirected, int[] offsets)
    {
        var adjacency = new List<int>(sortedDirected.Count);
        long previous = -1;
        foreach (long pair in sortedDirected)
        {
            if (pair != previous)
            {
                offsets[(int)(pair >> 32) + 1]++;
                adjacency.Add((int)(pair & 0xFFFFFFFF));
                previous = pair;
            }
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        return [.. adjacency];
    }

    private static void CheckEndpoint(int node, int nodeCount, string paramName)
    {
        if ((uint)node >= (uint)nodeCount)
        {
            throw new ArgumentOutOfRangeException(
                paramName, node, $"Edge endpoint {node} is outside the {nodeCount} nodes [0, {nodeCount}).");
        }
    }
}
