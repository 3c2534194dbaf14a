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
        var pairs = new List<(int A, int B)>();
        foreach (var (a, b) in edges)
        {
            CheckEndpoint(a, nodeCount, nameof(edges));
            CheckEndpoint(b, nodeCount, nameof(edges));
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }

        NodeCount = nodeCount;
        _offsets = new int[nodeCount + 1];
        _adjacency = BuildCsr(nodeCount, pairs, _offsets);
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

    // Both directions of every edge bucketed by source (a counting sort), then each row sorted and its duplicates dropped:
    // O(E + sum of d log d) where one sort of all 2E directed pairs cost O(E log E), the larger part of timing a round on
    // a graph built afresh (a policy's profile builds one per prefix of its ranking; docs/performance.md).
    private static int[] BuildCsr(int nodeCount, List<(int A, int B)> pairs, int[] offsets)
    {
        var start = new int[nodeCount + 1];
        foreach (var (a, b) in pairs)
        {
            start[a + 1]++;
            start[b + 1]++;
        }

        for (int i = 1; i <= nodeCount; i++)
        {
            start[i] += start[i - 1];
        }

        var targets = new int[2 * pairs.Count];
        var cursor = start[..nodeCount];
        foreach (var (a, b) in pairs)
        {
            targets[cursor[a]++] = b;
            targets[cursor[b]++] = a;
        }

        // Unique neighbours are compacted towards the front: the write position never passes the element being read.
        int written = 0;
        for (int node = 0; node < nodeCount; node++)
        {
            targets.AsSpan(start[node], start[node + 1] - start[node]).Sort();
            int rowBegin = written;
            for (int k = start[node]; k < start[node + 1]; k++)
            {
                int neighbour = targets[k];
                if (written == rowBegin || targets[written - 1] != neighbour)
                {
                    targets[written++] = neighbour;
                }
            }

            offsets[node + 1] = written;
        }

        return written == targets.Length ? targets : targets[..written];
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
