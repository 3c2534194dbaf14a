using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// The round time of a set of units that grows and shrinks one unit at a time, on the k-nearest family: the same seconds,
/// bit for bit, as <see cref="SimulatedRoundTime.RoundSeconds"/> on the members (which builds
/// <see cref="Consensus.Topology.KNearestGrouped"/> and runs <see cref="RoundCost"/>), without building the graph.
/// </summary>
/// <remarks>
/// <para>
/// With n members and k' = min(k, n - 1), every member of site g takes the first k' of one sequence C_g (the k' + 1
/// smallest members of each site, sites by distance from g, then index) that are not itself. So only the first k' + 1
/// entries F_g of C_g matter; a member outside every F_g and not its site's smallest (a "plain" member) has exactly the k'
/// neighbours F_g[0..k'), no one points to it and no join edge touches it, and all plain members of a site finish alike
/// but for their boot delay. The others (at most S(k + 1)) are timed one by one: their out-edges are explicit, and the
/// in-edges from the plain members of g are counted per site. Every member of g is adjacent to F_g[0] (or is it), so
/// each site lies in one component; the components are tracked over sites and joined as the grouped rule's Kruskal join
/// does, over the minimum spanning tree of the occupied sites in its (distance, smallest member) order, which is the
/// sites' order (KNearestRoundTimeSet.Join.cs says why that tree suffices).
/// </para>
/// <para>
/// Serialization repeats RoundCost's expressions; a site's bits are a sum of integers (degree x bytes x 8), exact below
/// 2^53 and so equal in any order: the set checks at construction that no sum can reach it, and otherwise, as with
/// asymmetric distances (the grouped rule then joins components pairwise) or k &lt; 1, reads through the graph.
/// </para>
/// <para>
/// A reading costs O(S k^2) for S sites (each site's first k + 1 candidates, the specials' edges, the join over at most
/// S - 1 tree edges) plus the scan of each occupied site's sites by distance up to its k + 1 candidates (O(S^2) at worst,
/// when few sites are occupied); and, since the last reading, O(k log m) per site whose k + 1 smallest members changed
/// (m: its units), O(S log S) per site that filled, O(S^2) if one emptied. Building the graph costs
/// O(N k log k + S^2 log S) and timing it O(N + E). Measured: docs/performance.md.
/// </para>
/// </remarks>
internal sealed partial class KNearestRoundTimeSet : IRoundTimeSet
{
    private readonly SimulatedRoundTime _owner;
    private readonly SiteLatencies _latency;
    private readonly KNearestSites _sites;
    private readonly int _k;
    private readonly bool _exact;
    private readonly int[] _siteOf;
    private readonly int[] _siteStart;
    private readonly double[] _computeS;
    private readonly double[] _bootS;
    private readonly double?[] _egressBitsPerS;
    private readonly bool[] _booting;
    private readonly long _messageBytes;
    private readonly double _bandwidthBitsPerS;
    private readonly bool[] _member;
    private readonly int[][] _trees;
    private readonly int[] _inSite;
    private readonly int[] _bootingInSite;
    private readonly int[] _heads;
    private readonly int[] _headCount;
    private readonly bool[] _stale;

    /// <summary>Creates an empty set; <paramref name="booting"/>[i]: unit i starts its round late by its site's boot seconds.</summary>
    public KNearestRoundTimeSet(SimulatedRoundTime owner, SiteLatencies latency, KNearestSites sites, int k, Fleet fleet,
        SiteTiming timing, bool[] booting)
    {
        _owner = owner;
        _latency = latency;
        _sites = sites;
        _k = k;
        int n = fleet.Count;
        int siteCount = fleet.Sites.Count;
        _siteOf = timing.SiteOf;
        _siteStart = new int[siteCount];
        for (int s = 1; s < siteCount; s++)
        {
            _siteStart[s] = _siteStart[s - 1] + fleet.Sites[s - 1].Units;
        }

        _computeS = timing.ComputeS;
        _bootS = timing.BootS;
        _egressBitsPerS = timing.EgressBitsPerS;
        _booting = booting;
        _messageBytes = timing.MessageBytes;
        _bandwidthBitsPerS = timing.BandwidthBitsPerS;
        // Degrees sum to at most 2 (n k + S) (n k out-edges, S - 1 join edges); their bits must stay exact integers.
        double maxBits = 2.0 * (((double)n * k) + siteCount) * _messageBytes * 8.0;
        _exact = k >= 1 && sites.Symmetric && maxBits < 9007199254740992.0;
        _member = new bool[n];
        _trees = [.. fleet.Sites.Select(s => new int[s.Units + 1])];
        _inSite = new int[siteCount];
        _bootingInSite = new int[siteCount];
        int width = Math.Max(1, k + 1);
        _heads = new int[siteCount * width];
        _headCount = new int[siteCount];
        _stale = new bool[siteCount];
        _nearest = new int[siteCount * width];
        int capacity = siteCount * width;
        _specialNode = new int[capacity];
        _specialOf = new int[n];
        Array.Fill(_specialOf, -1);
        _implicitIn = new int[capacity];
        _specialLatencyS = new double[capacity];
        _joins = new int[capacity];
        _seen = new int[capacity];
        _edgeStart = new int[capacity + 1];
        _edges = new int[2 * capacity * Math.Max(1, k)];
        _degree = new int[capacity];
        _specialsInSite = new int[siteCount];
        _bootingSpecialsInSite = new int[siteCount];
        _degreeSum = new long[siteCount];
        _parent = new int[siteCount];
        _component = new int[siteCount];
        _treeLow = new int[siteCount];
        _treeHigh = new int[siteCount];
        _inTree = new bool[siteCount];
        _candidates = new long[2 * siteCount];
        _key = new int[siteCount];
        _via = new int[siteCount];
    }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Add(int unit) => Flip(unit, true);

    /// <inheritdoc />
    public void Remove(int unit) => Flip(unit, false);

    /// <inheritdoc />
    public double Seconds()
    {
        if (Count == 0)
        {
            return 0;
        }

        if (!_exact)
        {
            return _owner.RoundSeconds(_member);
        }

        RefreshHeads();
        return Count == 1 ? Lone() : Slowest(Math.Min(_k, Count - 1));
    }

    private void Flip(int unit, bool member)
    {
        if (_member[unit] == member)
        {
            return;
        }

        int delta = member ? 1 : -1;
        int site = _siteOf[unit];
        _member[unit] = member;
        Count += delta;
        _inSite[site] += delta;
        Fenwick.Add(_trees[site], unit - _siteStart[site], delta);
        _bootingInSite[site] += _booting[unit] ? delta : 0;
        if (_exact && _inSite[site] == (member ? 1 : 0))
        {
            Occupancy(site, member);
        }

        int heads = _headCount[site];
        // The site's k + 1 smallest members change only when the unit is (or joins) among them.
        _stale[site] |= _exact && (heads <= _k || unit <= _heads[(site * (_k + 1)) + heads - 1]);
    }

    private void RefreshHeads()
    {
        int width = _k + 1;
        for (int s = 0; s < _inSite.Length; s++)
        {
            if (!_stale[s])
            {
                continue;
            }

            _stale[s] = false;
            _headCount[s] = Math.Min(_inSite[s], width);
            for (int j = 0; j < _headCount[s]; j++)
            {
                _heads[(s * width) + j] = _siteStart[s] + Fenwick.FindNth(_trees[s], j);
            }
        }
    }

    // A single member has no neighbours.
    private double Lone()
    {
        int site = Array.FindIndex(_inSite, c => c > 0);
        int unit = _heads[site * (_k + 1)];
        return RoundCost.UnitFinishS(_booting[unit] ? _bootS[site] : 0, _computeS[site], 0, 0, 0);
    }

    // RoundCost's serialization of a unit of degree d at site s: its copies at the link rate, or the site's share of its cap.
    private double SerialS(int degree, int site)
    {
        double serialS = RoundCost.SerialS(degree, _messageBytes, _bandwidthBitsPerS);
        return _egressBitsPerS[site] is { } cap ? Math.Max(serialS, RoundCost.CopyBits(_degreeSum[site], _messageBytes) / cap) : serialS;
    }
}
