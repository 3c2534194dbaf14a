namespace Verdant.Core.Simulation;

// One reading: the graph's edges that matter (KNearestRoundTimeSet.Graph.cs), the join (.Join.cs), then each
// special's and each site's plain members' degree and finish.
internal sealed partial class KNearestRoundTimeSet
{
    private readonly int[] _degree;
    private readonly long[] _degreeSum;

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
            slowest = Math.Max(slowest, RoundCost.UnitFinishS(delayS, _computeS[site], _specialLatencyS[id], SerialS(_degree[id], site), _degree[id]));
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
                slowest = Math.Max(slowest, RoundCost.UnitFinishS(0, _computeS[g], latencyS, serialS, k));
            }

            if (booting > 0)
            {
                slowest = Math.Max(slowest, RoundCost.UnitFinishS(_bootS[g], _computeS[g], latencyS, serialS, k));
            }
        }

        return slowest;
    }
}
