namespace Verdant.Core.Consensus;

/// <summary>Builders of the communication graphs in <see cref="TopologyKind"/>; every builder returns a connected graph.</summary>
/// <remarks>Definitions, degrees and edge counts of each family are in docs/consensus.md.</remarks>
public static partial class Topology
{
    /// <summary>
    /// Builds <paramref name="spec"/> on <paramref name="nodeCount"/> nodes. <paramref name="distanceKm"/> gives pairwise
    /// distances for k-nearest (may be null otherwise); <paramref name="random"/> seeds Erdos-Renyi.
    /// </summary>
    /// <exception cref="ArgumentException">Parameters that cannot give that family (hypercube of 6 nodes, p outside (0,1]).</exception>
    public static Graph Build(TopologySpec spec, int nodeCount, Func<int, int, double>? distanceKm, Random random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        Validate(spec, nodeCount, distanceKm);
        return spec.Kind switch
        {
            TopologyKind.Complete => Complete(nodeCount),
            TopologyKind.Ring => Ring(nodeCount),
            TopologyKind.Torus => Torus(nodeCount),
            TopologyKind.Hypercube => Hypercube(nodeCount),
            TopologyKind.Exponential => Exponential(nodeCount),
            TopologyKind.ErdosRenyi => ErdosRenyi(nodeCount, spec.EdgeProbability, random),
            TopologyKind.KNearest => KNearest(nodeCount, spec.K, distanceKm!),
            // Without an energy model, link cost is taken proportional to distance (uniform when there is none).
            TopologyKind.EnergySparse => SparseTopology.Build(nodeCount, distanceKm ?? ((_, _) => 1.0), spec.MinSpectralGap),
            _ => throw new ArgumentException($"Unknown topology kind {spec.Kind}.", nameof(spec)),
        };
    }

    private static void Validate(TopologySpec spec, int nodeCount, Func<int, int, double>? distanceKm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        switch (spec.Kind)
        {
            case TopologyKind.Hypercube when !int.IsPow2(nodeCount):
                throw new ArgumentException(
                    $"Hypercube needs nodeCount to be a power of two, got {nodeCount}.", nameof(nodeCount));
            case TopologyKind.ErdosRenyi when !(spec.EdgeProbability > 0 && spec.EdgeProbability <= 1):
                throw new ArgumentException(
                    $"ErdosRenyi needs EdgeProbability in (0, 1], got {Invariant(spec.EdgeProbability)}.", nameof(spec));
            case TopologyKind.KNearest when spec.K < 1:
                throw new ArgumentException($"KNearest needs K >= 1, got {spec.K}.", nameof(spec));
            case TopologyKind.KNearest when distanceKm is null:
                throw new ArgumentNullException(nameof(distanceKm), "KNearest needs distanceKm, the pairwise distance function.");
            default:
                return;
        }
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The most square grid rows x cols == n with rows &lt;= cols; rows is 1 when n is prime.</summary>
    public static (int Rows, int Cols) TorusShape(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        int rows = (int)Math.Sqrt(nodeCount);
        while (nodeCount % rows != 0)
        {
            rows--;
        }

        return (rows, nodeCount / rows);
    }

    private static Graph Complete(int n)
    {
        var edges = new List<(int, int)>(n * (n - 1) / 2);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                edges.Add((a, b));
            }
        }

        return new Graph(n, edges);
    }

    // n == 2 gives the pair 0-1 twice, which the graph deduplicates into a single edge.
    private static Graph Ring(int n)
        => new(n, Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)));

    // A prime n has no grid with two or more rows, so it falls back to the ring (the 1 x n torus).
    private static Graph Torus(int n)
    {
        var (rows, cols) = TorusShape(n);
        if (rows == 1)
        {
            return Ring(n);
        }

        var edges = new List<(int, int)>(2 * n);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int node = (r * cols) + c;
                edges.Add((node, (r * cols) + ((c + 1) % cols)));
                edges.Add((node, (((r + 1) % rows) * cols) + c));
            }
        }

        return new Graph(n, edges);
    }

    private static Graph Hypercube(int n)
    {
        var edges = new List<(int, int)>();
        for (int node = 0; node < n; node++)
        {
            for (int bit = 1; bit < n; bit <<= 1)
            {
                edges.Add((node, node ^ bit));
            }
        }

        return new Graph(n, edges);
    }

    private static Graph Exponential(int n)
    {
        var edges = new List<(int, int)>();
        for (int node = 0; node < n; node++)
        {
            for (long hop = 1; hop < n; hop <<= 1)
            {
                edges.Add((node, (int)((node + hop) % n)));
            }
        }

        return new Graph(n, edges);
    }
}
