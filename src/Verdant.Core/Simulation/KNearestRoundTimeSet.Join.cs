namespace Verdant.Core.Simulation;

// The minimum spanning tree of the occupied sites, pairs weighed by their rank in the join's order (all ranks distinct).
// An edge outside it is the heaviest on a cycle of lighter site pairs, which contracting the components only shortens,
// so it is never a Kruskal edge of the join (cycle property): the join tries the tree's edges alone, at most S - 1.
// Kept across readings: a site that fills has its pairs with the tree's sites merged in (Kruskal on O(S) pairs); a site
// that empties has the tree rebuilt at the next reading (Prim, O(S^2)).
internal sealed partial class KNearestRoundTimeSet
{
    private readonly int[] _treeLow;
    private readonly int[] _treeHigh;
    private readonly bool[] _inTree;
    private readonly List<int> _filled = [];
    private readonly long[] _candidates;
    private readonly int[] _key;
    private readonly int[] _via;
    private readonly int[] _parent;
    private readonly int[] _component;
    private int _treeEdges;
    private bool _treeStale = true;

    // The grouped rule's Kruskal join of components between the smallest members of sites.
    private void Join()
    {
        int components = 0;
        for (int s = 0; s < _inSite.Length; s++)
        {
            _component[s] = Find(s);
            components += _inSite[s] > 0 && _component[s] == s ? 1 : 0;
        }

        UpdateTree();
        for (int s = 0; s < _inSite.Length; s++)
        {
            _parent[s] = _component[s];
        }

        for (int e = 0; e < _treeEdges && components > 1; e++)
        {
            int g = _treeLow[e], h = _treeHigh[e];
            if (Union(g, h))
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

    private void Occupancy(int site, bool occupied)
    {
        if (!occupied)
        {
            _treeStale = true;
        }
        else if (!_treeStale)
        {
            _filled.Add(site);
        }
    }

    private void UpdateTree()
    {
        if (_treeStale)
        {
            RebuildTree();
            _treeStale = false;
        }
        else
        {
            foreach (int site in _filled)
            {
                if (_inSite[site] > 0 && !_inTree[site])
                {
                    InsertSite(site);
                }
            }
        }

        _filled.Clear();
    }

    private static long Pack(int rank, int a, int b) => ((long)rank << 32) | ((long)Math.Min(a, b) << 16) | (uint)Math.Max(a, b);

    // Kruskal over the tree's edges and the new site's pairs with the tree's sites.
    private void InsertSite(int site)
    {
        int count = 0;
        for (int e = 0; e < _treeEdges; e++)
        {
            _candidates[count++] = Pack(_sites.Rank(_treeLow[e], _treeHigh[e]), _treeLow[e], _treeHigh[e]);
        }

        for (int u = 0; u < _inTree.Length; u++)
        {
            _parent[u] = u;
            if (_inTree[u])
            {
                _candidates[count++] = Pack(_sites.Rank(site, u), site, u);
            }
        }

        _inTree[site] = true;
        Keep(count);
    }

    // Prim over the occupied sites.
    private void RebuildTree()
    {
        Array.Clear(_inTree);
        int count = 0;
        int first = Array.FindIndex(_inSite, c => c > 0);
        for (int u = 0; u < _inSite.Length; u++)
        {
            _parent[u] = u;
            _key[u] = int.MaxValue;
        }

        for (int v = first; v >= 0;)
        {
            _inTree[v] = true;
            int next = -1;
            for (int u = 0; u < _inSite.Length; u++)
            {
                if (_inSite[u] == 0 || _inTree[u])
                {
                    continue;
                }

                int rank = _sites.Rank(v, u);
                (_key[u], _via[u]) = rank < _key[u] ? (rank, v) : (_key[u], _via[u]);
                next = next < 0 || _key[u] < _key[next] ? u : next;
            }

            if (next >= 0)
            {
                _candidates[count++] = Pack(_key[next], _via[next], next);
            }

            v = next;
        }

        Keep(count);
    }

    // The candidates' minimum spanning forest, in rank order (a tree's own edges all pass).
    private void Keep(int count)
    {
        Array.Sort(_candidates, 0, count);
        _treeEdges = 0;
        foreach (long pair in _candidates.AsSpan(0, count))
        {
            int low = (int)((pair >> 16) & 0xFFFF);
            int high = (int)(pair & 0xFFFF);
            if (Union(low, high))
            {
                _treeLow[_treeEdges] = low;
                _treeHigh[_treeEdges++] = high;
            }
        }
    }
}
