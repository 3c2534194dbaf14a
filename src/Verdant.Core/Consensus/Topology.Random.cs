namespace Verdant.Core.Consensus;

/// <summary>The sampled and distance-driven families, and the rules that make them connected.</summary>
public static partial class Topology
{
    // G(n, p) draws pairs (a, b), a < b, in lexicographic order, one NextDouble each, so a seed fixes the graph.
    private static Graph ErdosRenyi(int n, double p, Random random)
    {
        var edges = new List<(int, int)>();
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add((a, b));
                }
            }
        }

        JoinComponentsBySmallestNode(n, edges);
        return new Graph(n, edges);
    }

    // K >= N links every pair: each node has only N - 1 others to choose from.
    private static Graph KNearest(int n, int k, Func<int, int, double> distanceKm)
    {
        var edges = new List<(int, int)>(n * Math.Min(k, n - 1));
        var others = new List<(double DistanceKm, int Node)>(n);
        for (int a = 0; a < n; a++)
        {
            others.Clear();
            for (int b = 0; b < n; b++)
            {
                if (b != a)
                {
                    others.Add((distanceKm(a, b), b));
                }
            }

            // Ties go to the smaller index, so equal distances still give one answer.
            others.Sort();
            for (int i = 0; i < Math.Min(k, others.Count); i++)
            {
                edges.Add((a, others[i].Node));
            }
        }

        JoinComponentsByClosestPair(n, edges, distanceKm);
        return new Graph(n, edges);
    }

    // Component c (ordered by its smallest node) is linked to component c+1 through their smallest nodes.
    private static void JoinComponentsBySmallestNode(int n, List<(int, int)> edges)
    {
        var sets = Components(n, edges);
        int previousRoot = -1;
        for (int node = 0; node < n; node++)
        {
            if (sets.Find(node) == node)
            {
                if (previousRoot >= 0)
                {
                    edges.Add((previousRoot, node));
                }

                previousRoot = node;
            }
        }
    }

    // Kruskal over the pairs that cross components: each join uses the closest pair still crossing two components.
    private static void JoinComponentsByClosestPair(int n, List<(int, int)> edges, Func<int, int, double> distanceKm)
    {
        var sets = Components(n, edges);
        var crossing = new List<(double DistanceKm, int A, int B)>();
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (sets.Find(a) != sets.Find(b))
                {
                    crossing.Add((distanceKm(a, b), a, b));
                }
            }
        }

        crossing.Sort();
        foreach (var (_, a, b) in crossing)
        {
            if (sets.Union(a, b))
            {
                edges.Add((a, b));
            }
        }
    }

    private static DisjointSets Components(int n, List<(int A, int B)> edges)
    {
        var sets = new DisjointSets(n);
        foreach (var (a, b) in edges)
        {
            sets.Union(a, b);
        }

        return sets;
    }
}
