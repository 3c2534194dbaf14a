using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// What the grouped k-nearest rule (<see cref="Consensus.Topology.KNearestGrouped"/>) takes from the sites alone, for
/// <see cref="KNearestRoundTimeSet"/>: each site's sites in the order its units look for neighbours (great-circle
/// distance, then index), the rank of each site pair in the order its Kruskal join tries them, and whether the distances
/// are bitwise symmetric (if not, that rule joins components pairwise and the set reads through the graph).
/// </summary>
/// <remarks>
/// Computed once per model: O(S^2 log S) time, 2 S^2 ints.
/// Units of a site hold consecutive node indices in site order, so the smallest members of sites g &lt; h compare as
/// g and h: the join's (distance, smallest of g, smallest of h) order is the (distance, g, h) order of the sites.
/// </remarks>
internal sealed class KNearestSites
{
    private readonly int _sites;
    private readonly int[] _byDistance;
    private readonly int[] _rank;

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
        _rank = new int[_sites * _sites];
        for (int r = 0; r < pairs.Count; r++)
        {
            (_, int a, int b) = pairs[r];
            _rank[(a * _sites) + b] = r;
            _rank[(b * _sites) + a] = r;
        }
    }

    /// <summary>Whether d(g, h) equals d(h, g) bit for bit for every pair.</summary>
    public bool Symmetric { get; }

    /// <summary>Position of the pair {g, h} (g != h) in the order the join tries pairs: (distance, lower, higher).</summary>
    public int Rank(int g, int h) => _rank[(g * _sites) + h];

    /// <summary>Every site, from the nearest to <paramref name="site"/> (ties: lower index first).</summary>
    public ReadOnlySpan<int> ByDistance(int site) => _byDistance.AsSpan(site * _sites, _sites);
}
