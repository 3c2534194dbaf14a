using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// What the grouped k-nearest rule (<see cref="Consensus.Topology.KNearestGrouped"/>) takes from the sites alone, for
/// <see cref="KNearestRoundTimeSet"/>: each site's sites in the order its units look for neighbours (great-circle
/// distance, then index), the site pairs in the order its Kruskal join tries them, and whether the distances are bitwise
/// symmetric (if not, that rule joins components pairwise and the set reads through the graph).
/// </summary>
/// <remarks>
/// Computed once per model: O(S^2 log S) time, S^2 ints for the orders and S(S - 1)/2 pairs.
/// Units of a site hold consecutive node indices in site order, so the smallest members of sites g &lt; h compare as
/// g and h: the join's (distance, smallest of g, smallest of h) order is the (distance, g, h) order of the sites.
/// </remarks>
internal sealed class KNearestSites
{
    private readonly int _sites;
    private readonly int[] _byDistance;

    /// <summary>Ranks the sites as the grouped rule does, with the same distance expression.</summary>
    public KNearestSites(IReadOnlyList<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = sites.Count;
        var distance = new double[_sites, _sites];
        for (int g = 0; g < _sites; g++)
        {
            for (int h = 0; h < _sites; h++)
            {
                distance[g, h] = sites[g].Location.GreatCircleKm(sites[h].Location);
            }
        }

        Symmetric = true;
        var pairs = new List<(double DistanceKm, int A, int B)>(_sites * (_sites - 1) / 2);
        _byDistance = new int[_sites * _sites];
        for (int g = 0; g < _sites; g++)
        {
            int[] order = [.. Enumerable.Range(0, _sites).OrderBy(h => distance[g, h]).ThenBy(h => h)];
            order.CopyTo(_byDistance, g * _sites);
            for (int h = 0; h < g; h++)
            {
                Symmetric &= distance[g, h].Equals(distance[h, g]);
                pairs.Add((distance[h, g], h, g));
            }
        }

        pairs.Sort();
        JoinOrder = [.. pairs.Select(p => (p.A, p.B))];
    }

    /// <summary>Whether d(g, h) equals d(h, g) bit for bit for every pair.</summary>
    public bool Symmetric { get; }

    /// <summary>Site pairs (g &lt; h) by (distance, g, h): the order the join tries them.</summary>
    public (int Low, int High)[] JoinOrder { get; }

    /// <summary>Every site, from the nearest to <paramref name="site"/> (ties: lower index first).</summary>
    public ReadOnlySpan<int> ByDistance(int site) => _byDistance.AsSpan(site * _sites, _sites);
}
