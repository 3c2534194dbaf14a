namespace Verdant.Core.Simulation;

// One reading: the first k + 1 candidates per site, the members some of them name (specials) with their explicit edges,
// the plain members' edges counted per site, the join, then each special's and each site's plain members' finish.
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
    private readonly int[] _degree;
    private readonly int[] _specialsInSite;
    private readonly int[] _bootingSpecialsInSite;
    private readonly long[] _degreeSum;
    private readonly int[] _parent;
    private int _specials;

    // k: the clipped k' = min(k, n - 1) >= 1 of the grouped rule.
    private double Slowest(int k)
    {
        int width = _k + 1;
        ClearSpecials();
        for (int s = 0; s < _inSite.Length; s++)
        {
            _parent[s] = s;
            if (_inSite[s] > 0)
            {
                FillNearest(s, k + 1);
            }
        }

        for (int s = 0; s < _inSite.Length; s++)
        {
            if (_inSite[s] > 0)
            {
                Special(_heads[s * width]);
                for (int j = 0; j <= k; j++)
                {
                    Special(_nearest[(s * width) + j]);
                }
            }
        }

        BuildEdges(k);
        CountPlainEdges(k);
        Join();
        Degrees(k);
        return Finishes(k);
    }

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

    // The grouped rule's Kruskal join of components between the smallest members of sites.
    private void Join()
    {
        int components = 0;
        for (int s = 0; s < _inSite.Length; s++)
        {
            components += _inSite[s] > 0 && Find(s) == s ? 1 : 0;
        }

        foreach ((int g, int h) in _sites.JoinOrder)
        {
            if (components == 1)
            {
                return;
            }

            if (_inSite[g] > 0 && _inSite[h] > 0 && Union(g, h))
            {
                components--;
                JoinEnd(g, h);
                JoinEnd(h, g);
            }
        }
    }

    private void JoinEnd(int site, int other)
    {
        int id = _specialOf[_heads[site * (_k + 1)]];
        _joins[id]++;
        _specialLatencyS[id] = Math.Max(_specialLatencyS[id], _latency.LatencyS(site, other));
    }

    private int Find(int site)
    {
        while (_parent[site] != site)
        {
            _parent[site] = _parent[_parent[site]];
            site = _parent[site];
        }

        return site;
    }

    private bool Union(int a, int b)
    {
        int ra = Find(a);
        int rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        return true;
    }

    // A special's degree: its distinct explicit neighbours, the plain members pointing at it and its join edges.
    private void Degrees(int k)
    {
        for (int id = 0; id < _specials; id++)
        {
            int site = _siteOf[_specialNode[id]];
            int distinct = 0;
            for (int e = _edgeStart[id]; e < _edgeStart[id + 1]; e++)
            {
                int other = _edges[e];
                if (_seen[other] != id)
                {
                    _seen[other] = id;
                    distinct++;
                    _specialLatencyS[id] = Math.Max(_specialLatencyS[id], _latency.LatencyS(site, _siteOf[_specialNode[other]]));
                }
            }

            _degree[id] = distinct + _implicitIn[id] + _joins[id];
            _degreeSum[site] += _degree[id];
        }

        for (int g = 0; g < _inSite.Length; g++)
        {
            _degreeSum[g] += (long)(_inSite[g] - _specialsInSite[g]) * k;
        }
    }

    private double Finishes(int k)
    {
        double slowest = 0;
        for (int id = 0; id < _specials; id++)
        {
            int unit = _specialNode[id];
            int site = _siteOf[unit];
            double delayS = _booting[unit] ? _bootS[site] : 0;
            slowest = Math.Max(slowest, FinishS(delayS, _computeS[site], _specialLatencyS[id], SerialS(_degree[id], site), _degree[id]));
        }

        for (int g = 0; g < _inSite.Length; g++)
        {
            int plain = _inSite[g] - _specialsInSite[g];
            if (plain == 0)
            {
                continue;
            }

            double latencyS = 0;
            for (int j = 0; j < k; j++)
            {
                latencyS = Math.Max(latencyS, _latency.LatencyS(g, _siteOf[_nearest[(g * (_k + 1)) + j]]));
            }

            double serialS = SerialS(k, g);
            int booting = _bootingInSite[g] - _bootingSpecialsInSite[g];
            if (plain > booting)
            {
                slowest = Math.Max(slowest, FinishS(0, _computeS[g], latencyS, serialS, k));
            }

            if (booting > 0)
            {
                slowest = Math.Max(slowest, FinishS(_bootS[g], _computeS[g], latencyS, serialS, k));
            }
        }

        return slowest;
    }
}
