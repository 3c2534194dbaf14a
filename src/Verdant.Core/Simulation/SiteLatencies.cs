using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// One-way latency between every ordered pair of sites (<see cref="NetworkModel.LatencyS"/>, from a unit's site to its
/// neighbour's, as <see cref="RoundCost"/> asks it) and, per site, the other sites from the farthest down.
/// </summary>
/// <remarks>
/// S^2 doubles, and S^2 ints once an order is asked for: built for at most <see cref="MaxSites"/> sites.
/// <see cref="RoundCost"/> tabulates its latencies here and shares the table with the policies' round-time sets.
/// </remarks>
internal sealed class SiteLatencies
{
    /// <summary>Most sites the table is built for (48 MiB at this size).</summary>
    public const int MaxSites = 2048;

    private readonly int _sites;
    private readonly double[] _latencyS;
    private int[]? _farthestFirst;

    /// <summary>Tabulates the latencies between <paramref name="sites"/>; the farthest-first orders wait for their first use.</summary>
    public SiteLatencies(IReadOnlyList<Site> sites, NetworkModel network)
    {
        _sites = sites.Count;
        _latencyS = new double[_sites * _sites];
        for (int s = 0; s < _sites; s++)
        {
            for (int t = 0; t < _sites; t++)
            {
                _latencyS[(s * _sites) + t] = network.LatencyS(sites[s].Location, sites[t].Location);
            }
        }
    }

    /// <summary>Latency from site <paramref name="from"/> to site <paramref name="to"/> (s).</summary>
    public double LatencyS(int from, int to) => _latencyS[(from * _sites) + to];

    /// <summary>The largest latency from <paramref name="site"/> to any site (s).</summary>
    public double FarthestS(int site) => _sites == 0 ? 0 : Math.Max(0, LatencyS(site, FarthestFirst(site)[0]));

    /// <summary>Every site, the farthest from <paramref name="site"/> first.</summary>
    public ReadOnlySpan<int> FarthestFirst(int site) => (_farthestFirst ??= SortFarthestFirst()).AsSpan(site * _sites, _sites);

    // Only the offset families' readings need these orders (S^2 log S); RoundCost, which shares the table, does not.
    private int[] SortFarthestFirst()
    {
        var farthestFirst = new int[_sites * _sites];
        var keys = new double[_sites];
        var order = new int[_sites];
        for (int s = 0; s < _sites; s++)
        {
            for (int t = 0; t < _sites; t++)
            {
                keys[t] = -_latencyS[(s * _sites) + t];
                order[t] = t;
            }

            Array.Sort(keys, order);
            order.CopyTo(farthestFirst, s * _sites);
        }

        return farthestFirst;
    }
}
