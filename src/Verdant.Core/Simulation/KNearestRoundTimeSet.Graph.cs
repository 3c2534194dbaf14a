namespace Verdant.Core.Simulation;

// The edges of a reading: each site's first k + 1 candidates, the members some of them name (specials) with their
// explicit edges both ways, and the plain members' edges counted per site.
internal sealed partial class KNearestRoundTimeSet
{
    private readonly int[] _nearest;
    private readonly int[] _specialNode;
    private readonly int[] _specialOf;
    private readonly int[] _implicitIn;
    private readonly double[] _specialLatencyS;
    private readonly int[] _joins;
    private readonly int[] _seen;
    private readonly int[] _edgeStart;
    private readonly int[] _edges;
    private readonly int[] _specialsInSite;
    private readonly int[] _bootingSpecialsInSite;
    private int _specials;

    // F_g: the first `length` of the k + 1 smallest members of each site, sites from the nearest to g.
    private void FillNearest(int g, int length)
    {
        int width = _k + 1;
        int taken = 0;
        foreach (int h in _sites.ByDistance(g))
        {
            for (int j = 0; j < _headCount[h] && taken < length; j++)
            {
                _nearest[(g * width) + taken++] = _heads[(h * width) + j];
            }

            if (taken == length)
            {
                return;
            }
        }
    }

    private void ClearSpecials()
    {
        for (int id = 0; id < _specials; id++)
        {
            _specialOf[_specialNode[id]] = -1;
        }

        _specials = 0;
        Array.Clear(_specialsInSite);
        Array.Clear(_bootingSpecialsInSite);
        Array.Clear(_degreeSum);
    }

    private void Special(int unit)
    {
        if (_specialOf[unit] >= 0)
        {
            return;
        }

        int id = _specials++;
        _specialOf[unit] = id;
        _specialNode[id] = unit;
        _implicitIn[id] = 0;
        _specialLatencyS[id] = 0;
        _joins[id] = 0;
        _seen[id] = -1;
        _specialsInSite[_siteOf[unit]]++;
        _bootingSpecialsInSite[_siteOf[unit]] += _booting[unit] ? 1 : 0;
    }

    // A member's out-edges: the first k of its site's F that are not itself.
    private int OutEdges(int unit, int k, Span<int> targets)
    {
        int site = _siteOf[unit];
        int taken = 0;
        for (int j = 0; j <= k && taken < k; j++)
        {
            int b = _nearest[(site * (_k + 1)) + j];
            if (b != unit)
            {
                targets[taken++] = b;
            }
        }

        return taken;
    }

    // Both directions of every special's out-edges, grouped by special (counting sort); sites they join are unioned.
    private void BuildEdges(int k)
    {
        Span<int> targets = stackalloc int[k];
        Array.Clear(_edgeStart, 0, _specials + 1);
        for (int id = 0; id < _specials; id++)
        {
            int taken = OutEdges(_specialNode[id], k, targets);
            _edgeStart[id] += taken;
            foreach (int b in targets[..taken])
            {
                _edgeStart[_specialOf[b]]++;
            }
        }

        for (int id = 0, start = 0; id <= _specials; id++)
        {
            (_edgeStart[id], start) = (start, start + _edgeStart[id]);
        }

        for (int id = 0; id < _specials; id++)
        {
            int unit = _specialNode[id];
            int taken = OutEdges(unit, k, targets);
            foreach (int b in targets[..taken])
            {
                int other = _specialOf[b];
                _edges[_edgeStart[id]++] = other;
                _edges[_edgeStart[other]++] = id;
                Union(_siteOf[unit], _siteOf[b]);
            }
        }

        for (int id = _specials; id > 0; id--)
        {
            _edgeStart[id] = _edgeStart[id - 1];
        }

        _edgeStart[0] = 0;
    }

    // Every plain member of g points at F_g[0..k), all specials; none is pointed at.
    private void CountPlainEdges(int k)
    {
        for (int g = 0; g < _inSite.Length; g++)
        {
            int plain = _inSite[g] - _specialsInSite[g];
            for (int j = 0; j < k && plain > 0; j++)
            {
                int b = _nearest[(g * (_k + 1)) + j];
                int id = _specialOf[b];
                _implicitIn[id] += plain;
                _specialLatencyS[id] = Math.Max(_specialLatencyS[id], _latency.LatencyS(_siteOf[b], g));
                Union(g, _siteOf[b]);
            }
        }
    }
}
