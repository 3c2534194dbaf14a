using MathNet.Numerics.LinearAlgebra;

namespace Verdant.Core.Consensus;

/// <summary>
/// Energy-sparse topology: a minimum spanning tree on edge cost, then the edges with the best spectral-gap gain per joule
/// until the Metropolis gap reaches a target.
/// </summary>
/// <remarks>
/// Greedy edge addition for fast averaging under a link budget follows El Chamie, Neglia and Avrachenkov, "Reducing
/// communication overhead for average consensus", IFIP Networking, 2013; trading consensus speed against communication
/// cost follows Neglia, Calbi, Towsley and Vardoyan, "The role of network topology for distributed machine learning",
/// INFOCOM, 2019. Each step evaluates every missing edge with a dense eigen-decomposition, O(n^5) per step: meant for
/// planning graphs of at most a few dozen sites, not for the round loop.
/// </remarks>
public static class SparseTopology
{
    // A free link would make gain per joule infinite; this floor keeps the ratio finite and ranks free links first.
    private const double MinCostJ = 1e-12;

    /// <summary>
    /// Builds a connected graph on <paramref name="nodeCount"/> nodes whose Metropolis spectral gap is at least
    /// <paramref name="minSpectralGap"/> (or the complete graph), spending as little edge cost as the greedy rule finds.
    /// </summary>
    /// <param name="nodeCount">Number of nodes, at least 1.</param>
    /// <param name="edgeCostJ">Energy cost of link (a, b), a &lt; b, in joules per round; finite and non-negative.</param>
    /// <param name="minSpectralGap">Target gap in (0, 1].</param>
    /// <exception cref="ArgumentException">A target outside (0, 1] or a negative or non-finite edge cost.</exception>
    public static Graph Build(int nodeCount, Func<int, int, double> edgeCostJ, double minSpectralGap)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        ArgumentNullException.ThrowIfNull(edgeCostJ);
        if (!(minSpectralGap > 0 && minSpectralGap <= 1))
        {
            throw new ArgumentException(
                $"minSpectralGap must be in (0, 1], got {minSpectralGap.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                nameof(minSpectralGap));
        }

        var cost = CostMatrix(nodeCount, edgeCostJ);
        var adjacent = new bool[nodeCount, nodeCount];
        var edges = MinimumSpanningTree(cost);
        foreach (var (a, b) in edges)
        {
            adjacent[a, b] = adjacent[b, a] = true;
        }

        double gap = Gap(adjacent);
        int maxEdges = nodeCount * (nodeCount - 1) / 2;
        while (gap < minSpectralGap && edges.Count < maxEdges)
        {
            var (a, b, newGap) = BestEdge(adjacent, cost, gap);
            adjacent[a, b] = adjacent[b, a] = true;
            edges.Add((a, b));
            gap = newGap;
        }

        return new Graph(nodeCount, edges);
    }

    private static double[,] CostMatrix(int n, Func<int, int, double> edgeCostJ)
    {
        var cost = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                double c = edgeCostJ(a, b);
                if (!double.IsFinite(c) || c < 0)
                {
                    throw new ArgumentException($"edgeCostJ({a}, {b}) must be finite and non-negative, got {c.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(edgeCostJ));
                }

                cost[a, b] = cost[b, a] = c;
            }
        }

        return cost;
    }

    // Prim on the complete graph, O(n^2); ties go to the smaller index so the tree is deterministic.
    private static List<(int A, int B)> MinimumSpanningTree(double[,] cost)
    {
        int n = cost.GetLength(0);
        var inTree = new bool[n];
        var best = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var parent = new int[n];
        var edges = new List<(int, int)>(n - 1);
        best[0] = 0;
        for (int step = 0; step < n; step++)
        {
            int next = -1;
            for (int v = 0; v < n; v++)
            {
                if (!inTree[v] && (next < 0 || best[v] < best[next]))
                {
                    next = v;
                }
            }

            inTree[next] = true;
            if (step > 0)
            {
                edges.Add((Math.Min(next, parent[next]), Math.Max(next, parent[next])));
            }

            for (int v = 0; v < n; v++)
            {
                if (!inTree[v] && cost[next, v] < best[v])
                {
                    best[v] = cost[next, v];
                    parent[v] = next;
                }
            }
        }

        return edges;
    }

    // Gains per joule rank improving edges; when no edge improves the gap (Metropolis weights can drop), the least loss wins.
    private static (int A, int B, double Gap) BestEdge(bool[,] adjacent, double[,] cost, double gap)
    {
        int n = adjacent.GetLength(0);
        (int A, int B, double Gap, double Score) best = (-1, -1, double.NegativeInfinity, double.NegativeInfinity);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (adjacent[a, b])
                {
                    continue;
                }

                adjacent[a, b] = adjacent[b, a] = true;
                double candidate = Gap(adjacent);
                adjacent[a, b] = adjacent[b, a] = false;
                double gain = candidate - gap;
                double score = gain > 0 ? gain / Math.Max(cost[a, b], MinCostJ) : gain;
                if (score > best.Score)
                {
                    best = (a, b, candidate, score);
                }
            }
        }

        return (best.A, best.B, best.Gap);
    }

    private static double Gap(bool[,] adjacent)
    {
        int n = adjacent.GetLength(0);
        var degree = new int[n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                degree[a] += adjacent[a, b] ? 1 : 0;
            }
        }

        var w = Matrix<double>.Build.Dense(n, n);
        for (int a = 0; a < n; a++)
        {
            double sum = 0;
            for (int b = 0; b < n; b++)
            {
                if (adjacent[a, b])
                {
                    w[a, b] = 1.0 / (1 + Math.Max(degree[a], degree[b]));
                    sum += w[a, b];
                }
            }

            w[a, a] = 1 - sum;
        }

        return MixingMatrix.GapOf(w);
    }
}
