namespace Verdant.Core.Consensus;

/// <summary>
/// k-nearest when distance depends only on each node's group (units of one site share a location): the same graph as
/// the pairwise rule, in O(G^2 log G + N k log k) for G groups instead of O(N^2 log N).
/// </summary>
public static partial class Topology
{
    /// <summary>
    /// The k-nearest graph for d(a, b) = <paramref name="groupDistanceKm"/>(groupOf[a], groupOf[b]): edge for edge the
    /// graph that <see cref="Build"/> returns for that pairwise distance (same ties: nearer first, then lower index).
    /// </summary>
    /// <remarks>
    /// Falls back to the pairwise construction when the shortcut's premises fail: a group's units not joined by the first
    /// phase, or a distance that is not bitwise symmetric.
    /// </remarks>
    /// <exception cref="ArgumentException">K below 1, or a group index outside [0, G).</exception>
    public static Graph KNearestGrouped(int k, IReadOnlyList<int> groupOf, int groupCount, Func<int, int, double> groupDistanceKm)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentNullException.ThrowIfNull(groupDistanceKm);
        if (k < 1)
        {
            throw new ArgumentException($"KNearest needs K >= 1, got {k}.", nameof(k));
        }

        int n = groupOf.Count;
        var members = new List<int>[groupCount];
        for (int g = 0; g < groupCount; g++)
        {
            members[g] = [];
        }

        for (int a = 0; a < n; a++)
        {
            members[groupOf[a]].Add(a);
        }

        double[,] distance = GroupDistances(groupCount, groupDistanceKm, out bool symmetric);
        var edges = new List<(int, int)>(n * Math.Min(k, Math.Max(0, n - 1)));
        var order = new int[groupCount][];
        for (int a = 0; a < n; a++)
        {
            int g = groupOf[a];
            order[g] ??= [.. Enumerable.Range(0, groupCount).OrderBy(h => distance[g, h]).ThenBy(h => h)];
            AddNearest(a, Math.Min(k, n - 1), order[g], members, distance, g, edges);
        }

        var sets = Components(n, edges);
        if (!symmetric || !EachGroupJoined(members, sets))
        {
            JoinComponentsByClosestPair(n, edges, (a, b) => distance[groupOf[a], groupOf[b]]);
            return new Graph(n, edges);
        }

        JoinGroups(members, distance, sets, edges);
        return new Graph(n, edges);
    }

    private static double[,] GroupDistances(int groups, Func<int, int, double> groupDistanceKm, out bool symmetric)
    {
        var distance = new double[groups, groups];
        symmetric = true;
        for (int g = 0; g < groups; g++)
        {
            for (int h = 0; h < groups; h++)
            {
                distance[g, h] = groupDistanceKm(g, h);
            }
        }

        for (int g = 0; g < groups; g++)
        {
            for (int h = 0; h < g; h++)
            {
                symmetric &= distance[g, h].Equals(distance[h, g]);
            }
        }

        return distance;
    }

    // Groups in order of distance from a's group; within one distance, candidates in index order across those groups.
    private static void AddNearest(int a, int k, int[] groupsByDistance, List<int>[] members, double[,] distance, int g,
        List<(int, int)> edges)
    {
        int taken = 0;
        var tier = new List<int>();
        for (int t = 0; t < groupsByDistance.Length && taken < k;)
        {
            double d = distance[g, groupsByDistance[t]];
            tier.Clear();
            for (; t < groupsByDistance.Length && distance[g, groupsByDistance[t]].Equals(d); t++)
            {
                // At most k + 1 from each group can be among the first k (one of them may be a itself).
                List<int> m = members[groupsByDistance[t]];
                tier.AddRange(m.Take(Math.Min(m.Count, k + 1)));
            }

            tier.Sort();
            foreach (int b in tier)
            {
                if (b != a && taken < k)
                {
                    edges.Add((a, b));
                    taken++;
                }
            }
        }
    }

    private static bool EachGroupJoined(List<int>[] members, DisjointSets sets)
        => members.All(m => m.All(b => sets.Find(b) == sets.Find(m[0])));

    // Every group lies in one component, so all pairs between two groups join the same two components and only the
    // first of them in (distance, a, b) order can be a Kruskal edge: the smallest members of the two groups.
    private static void JoinGroups(List<int>[] members, double[,] distance, DisjointSets sets, List<(int, int)> edges)
    {
        var candidates = new List<(double DistanceKm, int A, int B)>();
        int[] groups = [.. Enumerable.Range(0, members.Length).Where(g => members[g].Count > 0)];
        foreach (int g in groups)
        {
            foreach (int h in groups)
            {
                int a = members[g][0], b = members[h][0];
                if (a < b && sets.Find(a) != sets.Find(b))
                {
                    candidates.Add((distance[g, h], a, b));
                }
            }
        }

        candidates.Sort();
        foreach (var (_, a, b) in candidates)
        {
            if (sets.Union(a, b))
            {
                edges.Add((a, b));
            }
        }
    }
}
