namespace Verdant.Core.Consensus;

/// <summary>
/// Sparse (CSR) Metropolis-Hastings mixing matrix on the subgraph induced by the active nodes:
/// W_ij = 1 / (1 + max(d_i, d_j)) for active neighbours i, j (degrees counted among active nodes), W_ii = 1 - sum_j W_ij,
/// and inactive rows are the identity. Symmetric and doubly stochastic for every active set (Xiao and Boyd, 2004).
/// </summary>
/// <remarks>
/// Xiao and Boyd, "Fast linear iterations for distributed averaging", Systems and Control Letters, 2004; Boyd, Ghosh,
/// Prabhakar and Shah, "Randomized gossip algorithms", IEEE Trans. Information Theory, 2006. Row i stores its columns in
/// ascending order with the diagonal in its place; the off-diagonal slots of inactive neighbours hold zero. Not
/// thread-safe while <see cref="Rebuild"/> runs; readers may share it between rebuilds.
/// </remarks>
public sealed partial class MixingMatrix
{
    private readonly int[] _rowOffsets;
    private readonly int[] _columns;
    private readonly int[] _diagonalSlot;
    private readonly int[] _activeDegree;
    private readonly float[] _weights;

    /// <summary>Allocates storage for every edge of <paramref name="graph"/> plus the diagonal; starts with all nodes active.</summary>
    public MixingMatrix(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        int n = graph.NodeCount;
        _rowOffsets = new int[n + 1];
        _columns = new int[(2 * graph.EdgeCount) + n];
        _diagonalSlot = new int[n];
        _activeDegree = new int[n];
        _weights = new float[_columns.Length];
        _activeMask = new bool[n];
        _firstReader = new int[n];
        _lastReader = new int[n];
        _byFirstReader = new int[n];
        _byLastReader = new int[n];
        _bucketStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            _rowOffsets[i + 1] = _rowOffsets[i] + graph.Degree(i) + 1;
            FillRowColumns(i);
        }

        var all = new bool[n];
        Array.Fill(all, true);
        Rebuild(all);
    }

    /// <summary>The underlying graph.</summary>
    public Graph Graph { get; }

    /// <summary>Rebuilds the weights in place for <paramref name="active"/> (length N). Allocates nothing.</summary>
    /// <exception cref="ArgumentException"><paramref name="active"/> does not have N entries.</exception>
    public void Rebuild(ReadOnlySpan<bool> active)
    {
        Graph.CheckMask(active, Graph.NodeCount, nameof(active));
        CountActiveDegrees(Graph, active, _activeDegree);
        for (int i = 0; i < Graph.NodeCount; i++)
        {
            RebuildRow(i, active);
        }

        RebuildSchedule(active);
    }

    /// <summary>Row <paramref name="node"/>'s non-zero columns (including the diagonal), in the order of <see cref="RowWeights"/>.</summary>
    public ReadOnlySpan<int> RowColumns(int node)
        => _columns.AsSpan(_rowOffsets[node], _rowOffsets[node + 1] - _rowOffsets[node]);

    /// <summary>Row <paramref name="node"/>'s non-zero weights.</summary>
    public ReadOnlySpan<float> RowWeights(int node)
        => _weights.AsSpan(_rowOffsets[node], _rowOffsets[node + 1] - _rowOffsets[node]);

    /// <summary>Position of the diagonal entry within <see cref="RowColumns"/> and <see cref="RowWeights"/> of <paramref name="node"/>.</summary>
    public int DiagonalSlot(int node) => _diagonalSlot[node];

    /// <summary>Dense copy (N x N, double), for tests and spectral analysis.</summary>
    public double[,] ToDense()
    {
        int n = Graph.NodeCount;
        var dense = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            var columns = RowColumns(i);
            var weights = RowWeights(i);
            for (int k = 0; k < columns.Length; k++)
            {
                dense[i, columns[k]] = weights[k];
            }
        }

        return dense;
    }

    internal static void CountActiveDegrees(Graph graph, ReadOnlySpan<bool> active, Span<int> degree)
    {
        for (int i = 0; i < graph.NodeCount; i++)
        {
            int count = 0;
            if (active[i])
            {
                foreach (int j in graph.Neighbors(i))
                {
                    count += active[j] ? 1 : 0;
                }
            }

            degree[i] = count;
        }
    }

    private void FillRowColumns(int i)
    {
        var columns = _columns.AsSpan(_rowOffsets[i], _rowOffsets[i + 1] - _rowOffsets[i]);
        var neighbors = Graph.Neighbors(i);
        int below = CountBelow(neighbors, i);
        neighbors[..below].CopyTo(columns);
        columns[below] = i;
        neighbors[below..].CopyTo(columns[(below + 1)..]);
        _diagonalSlot[i] = below;
    }

    private static int CountBelow(ReadOnlySpan<int> sorted, int value)
    {
        int count = 0;
        while (count < sorted.Length && sorted[count] < value)
        {
            count++;
        }

        return count;
    }

    private void RebuildRow(int i, ReadOnlySpan<bool> active)
    {
        var columns = RowColumns(i);
        var weights = _weights.AsSpan(_rowOffsets[i], columns.Length);
        weights.Clear();
        if (!active[i])
        {
            weights[_diagonalSlot[i]] = 1f;
            return;
        }

        double sum = 0;
        for (int k = 0; k < columns.Length; k++)
        {
            int j = columns[k];
            if (j != i && active[j])
            {
                weights[k] = (float)(1.0 / (1 + Math.Max(_activeDegree[i], _activeDegree[j])));
                sum += weights[k];
            }
        }

        weights[_diagonalSlot[i]] = (float)(1.0 - sum);
    }
}
