using Verdant.Core.Consensus;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// The round time of a set of units that grows and shrinks one unit at a time, for the topology families whose graph over
/// k members (in node order, positions 0..k-1) joins position p to p + r mod k for every r of one offset set R(k): ring,
/// exponential, complete, a hypercube on a count that is not a power of two (built as the exponential graph), a torus on
/// a prime count (the ring) and, with a row wrap, the torus on a composite count (OffsetRoundTimeSet.Torus.cs: vertical
/// offsets +-cols mod k and row neighbours p +- 1 that wrap inside the row). The same seconds, bit for bit, as
/// <see cref="SimulatedRoundTime.RoundSeconds"/> on the members, without building the graph.
/// </summary>
/// <remarks>
/// Units of a site hold consecutive node indices, so the members of site s fill the block of positions [a_s, a_s + m_s).
/// Every member has the same degree |R| (plus its row neighbours on the torus), so a site's members share their
/// serialization term, and a member's finish time
/// (start delay + compute) + (latency + serialization) differs within its site only by its start delay (0, or its boot
/// seconds when it is off) and by the farthest site its offsets reach. Rounding is monotone, so per site and start delay the
/// slowest member is the one that reaches the farthest site: candidate sites are tried from the farthest down and the first
/// one some member of that class reaches through some offset gives the latency. Classes are visited by an upper bound (the
/// farthest site anywhere) and skipped once the bound cannot beat the slowest found. Positions come from Fenwick trees
/// over the node order. A reading costs O(S log S + V |R| log N) for S sites and V candidate sites tried (a few in
/// practice), against O(N + |R| k log(|R| k)) to build the round; the torus adds four row-end positions per candidate
/// (O(log N) each) and O(sqrt k) to find its shape when the count changes. A hypercube on a power of two is not
/// offset-shaped and is read through <see cref="SimulatedRoundTime.RoundSeconds"/>.
/// </remarks>
internal sealed partial class OffsetRoundTimeSet : IRoundTimeSet
{
    private const int MaxCachedSums = 64;
    private readonly SimulatedRoundTime _owner;
    private readonly SiteLatencies _latency;
    private readonly TopologyKind _kind;
    private readonly int[] _siteOf;
    private readonly double[] _computeS;
    private readonly double[] _bootS;
    private readonly double?[] _egressBitsPerS;
    private readonly bool[] _booting;
    private readonly long _messageBytes;
    private readonly double _bandwidthBitsPerS;
    private readonly bool[] _member;
    private readonly int[] _members;
    private readonly int[] _bootingMembers;
    private readonly int[] _inSite;
    private readonly int[] _bootingInSite;
    private readonly int[] _start;
    private readonly double[] _serialS;
    private readonly double[] _bounds;
    private readonly int[] _classes;
    private readonly List<int> _offsets = [];
    private readonly Dictionary<int, double[]> _siteBits = [];
    private readonly int _maxSiteUnits;

    /// <summary>Creates an empty set; <paramref name="booting"/>[i]: unit i starts its round late by its site's boot seconds.</summary>
    public OffsetRoundTimeSet(SimulatedRoundTime owner, SiteLatencies latency, TopologyKind kind, Fleet fleet,
        SiteTiming timing, bool[] booting)
    {
        _owner = owner;
        _latency = latency;
        _kind = kind;
        int n = fleet.Count;
        int sites = fleet.Sites.Count;
        _siteOf = timing.SiteOf;
        _computeS = timing.ComputeS;
        _bootS = timing.BootS;
        _egressBitsPerS = timing.EgressBitsPerS;
        _maxSiteUnits = fleet.Sites.Count == 0 ? 0 : fleet.Sites.Max(s => s.Units);
        _booting = booting;
        _messageBytes = timing.MessageBytes;
        _bandwidthBitsPerS = timing.BandwidthBitsPerS;
        _member = new bool[n];
        _members = new int[n + 1];
        _bootingMembers = new int[n + 1];
        _inSite = new int[sites];
        _bootingInSite = new int[sites];
        _start = new int[sites];
        _serialS = new double[sites];
        _bounds = new double[2 * sites];
        _classes = new int[2 * sites];
    }

    /// <summary>Whether <paramref name="kind"/> is offset-shaped on some counts.</summary>
    public static bool Supports(TopologyKind kind)
        => kind is TopologyKind.Ring or TopologyKind.Exponential or TopologyKind.Complete or TopologyKind.Hypercube
            or TopologyKind.Torus;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Add(int unit) => Flip(unit, true);

    /// <inheritdoc />
    public void Remove(int unit) => Flip(unit, false);

    /// <inheritdoc />
    public double Seconds()
    {
        int k = Count;
        if (k == 0)
        {
            return 0;
        }

        if (!OffsetShaped(k))
        {
            return _owner.RoundSeconds(_member);
        }

        int degree = FillOffsets(k);
        int classes = Classes(k, degree);
        Array.Sort(_bounds, _classes, 0, classes);
        double slowest = 0;
        for (int c = classes - 1; c >= 0 && _bounds[c] > slowest; c--)
        {
            int site = _classes[c] >> 1;
            bool boot = (_classes[c] & 1) == 1;
            double latency = degree == 0 ? 0 : Farthest(site, boot, k);
            slowest = Math.Max(slowest, RoundCost.UnitFinishS(boot ? _bootS[site] : 0, _computeS[site], latency, _serialS[site], degree));
        }

        return slowest;
    }

    private void Flip(int unit, bool member)
    {
        if (_member[unit] == member)
        {
            return;
        }

        int delta = member ? 1 : -1;
        _member[unit] = member;
        Count += delta;
        _inSite[_siteOf[unit]] += delta;
        Fenwick.Add(_members, unit, delta);
        if (_booting[unit])
        {
            _bootingInSite[_siteOf[unit]] += delta;
            Fenwick.Add(_bootingMembers, unit, delta);
        }
    }

    private bool OffsetShaped(int k) => _kind != TopologyKind.Hypercube || !int.IsPow2(k);

    // R(k) of the family (left empty for the complete graph, whose every other member is a neighbour); returns |R|.
    private int FillOffsets(int k)
    {
        _offsets.Clear();
        _gridCols = 0;
        if (k == 1)
        {
            return 0;
        }

        if (_kind == TopologyKind.Torus && FillGridOffsets(k) is int gridDegree and > 0)
        {
            return gridDegree;
        }

        if (_kind == TopologyKind.Complete)
        {
            return k - 1;
        }

        bool ring = _kind is TopologyKind.Ring or TopologyKind.Torus;
        for (long hop = 1; hop < k && (hop == 1 || !ring); hop <<= 1)
        {
            _offsets.Add((int)hop);
            _offsets.Add((int)(k - hop));
        }

        _offsets.Sort();
        int distinct = 0;
        for (int i = 0; i < _offsets.Count; i++)
        {
            if (i == 0 || _offsets[i] != _offsets[i - 1])
            {
                _offsets[distinct++] = _offsets[i];
            }
        }

        _offsets.RemoveRange(distinct, _offsets.Count - distinct);
        return distinct;
    }

    // Block starts, each site's serialization (RoundCost's terms, same operations), and one class per site and start delay
    // with its upper bound.
    private int Classes(int k, int degree)
    {
        double serialS = RoundCost.SerialS(degree, _messageBytes, _bandwidthBitsPerS);
        double bits = RoundCost.CopyBits(degree, _messageBytes);
        int classes = 0;
        for (int s = 0, start = 0; s < _inSite.Length; start += _inSite[s], s++)
        {
            _start[s] = start;
            int members = _inSite[s];
            if (members == 0)
            {
                continue;
            }

            _serialS[s] = _egressBitsPerS[s] is { } cap ? Math.Max(serialS, SiteBits(degree, bits)[members] / cap) : serialS;
            double farthest = k == 1 ? 0 : _latency.FarthestS(s);
            if (members > _bootingInSite[s])
            {
                _bounds[classes] = RoundCost.UnitFinishS(0, _computeS[s], farthest, _serialS[s], degree);
                _classes[classes++] = s << 1;
            }

            if (_bootingInSite[s] > 0)
            {
                _bounds[classes] = RoundCost.UnitFinishS(_bootS[s], _computeS[s], farthest, _serialS[s], degree);
                _classes[classes++] = (s << 1) | 1;
            }
        }

        return classes;
    }

    // RoundCost sums a site's bits unit by unit: [m] is m such terms added in sequence.
    private double[] SiteBits(int degree, double bits)
    {
        if (_siteBits.TryGetValue(degree, out double[]? sums))
        {
            return sums;
        }

        if (_siteBits.Count >= MaxCachedSums)
        {
            _siteBits.Clear();
        }

        sums = new double[_maxSiteUnits + 1];
        for (int m = 1; m < sums.Length; m++)
        {
            sums[m] = sums[m - 1] + bits;
        }

        _siteBits[degree] = sums;
        return sums;
    }

    // The largest latency from a member of the class (site, boot) to a neighbour: the farthest site it reaches.
    private double Farthest(int site, bool boot, int k)
    {
        bool whole = (boot ? _bootingInSite[site] : _inSite[site] - _bootingInSite[site]) == _inSite[site];
        ReadOnlySpan<int> candidates = _latency.FarthestFirst(site);
        foreach (int t in candidates)
        {
            double latencyS = _latency.LatencyS(site, t);
            if (!(latencyS > 0))
            {
                return 0;
            }

            if (_inSite[t] > 0 && Reaches(site, t, k, boot, whole))
            {
                return latencyS;
            }
        }

        return 0;
    }

    // Whether some member of the class at site s has a neighbour at site t: p + r lands in t's block for some r.
    private bool Reaches(int s, int t, int k, bool boot, bool whole)
    {
        if (_kind == TopologyKind.Complete)
        {
            return t != s || _inSite[s] > 1;
        }

        if (_gridCols > 0 && ReachesAlongRow(s, t, boot, whole))
        {
            return true;
        }

        foreach (int r in _offsets)
        {
            int low = _start[t] - r;
            low += low < 0 ? k : 0;
            int high = low + _inSite[t] - 1;
            if (Hits(s, low, Math.Min(high, k - 1), boot, whole) || (high >= k && Hits(s, 0, high - k, boot, whole)))
            {
                return true;
            }
        }

        return false;
    }

    // Whether positions [low, high] hold a member of the class (site s, boot).
    private bool Hits(int s, int low, int high, bool boot, bool whole)
    {
        low = Math.Max(low, _start[s]);
        high = Math.Min(high, _start[s] + _inSite[s] - 1);
        if (low > high)
        {
            return false;
        }

        if (whole)
        {
            return true;
        }

        int first = Fenwick.FindNth(_members, low);
        int last = Fenwick.FindNth(_members, high);
        int booting = Fenwick.Prefix(_bootingMembers, last + 1) - Fenwick.Prefix(_bootingMembers, first);
        return boot ? booting > 0 : high - low + 1 - booting > 0;
    }
}
