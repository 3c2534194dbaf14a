using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class GraphTests
{
    [Fact]
    public void Graph_DuplicatesAndSelfLoops_AreDropped()
    {
        var graph = new Graph(4, [(0, 1), (1, 0), (2, 2), (3, 1), (1, 3), (0, 1)]);

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal([0, 3], graph.Neighbors(1).ToArray());
        Assert.Equal(0, graph.Degree(2));
        Assert.Equal([(0, 1), (1, 3)], graph.Edges().ToArray());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 40)]
    [InlineData(60, 500)]
    [InlineData(300, 4000)]
    public void Graph_RandomEdgeLists_HaveTheSortedDistinctNeighboursOfEachNode(int nodes, int edgeCount)
    {
        var random = new Random(nodes + edgeCount);
        (int, int)[] edges = [.. Enumerable.Range(0, edgeCount).Select(_ => (random.Next(nodes), random.Next(nodes)))];

        var graph = new Graph(nodes, edges);

        int total = 0;
        for (int i = 0; i < nodes; i++)
        {
            int[] expected = [.. edges.Where(e => e.Item1 != e.Item2 && (e.Item1 == i || e.Item2 == i))
                .Select(e => e.Item1 == i ? e.Item2 : e.Item1).Distinct().Order()];
            Assert.Equal(expected, graph.Neighbors(i).ToArray());
            Assert.Equal(expected.Length, graph.Degree(i));
            total += expected.Length;
        }

        Assert.Equal(total / 2, graph.EdgeCount);
    }

    [Fact]
    public void Graph_EndpointOutOfRange_ThrowsNamingTheEdges()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Graph(3, [(0, 3)]));

        Assert.Equal("edges", error.ParamName);
        Assert.StartsWith("Edge endpoint 3 is outside the 3 nodes [0, 3).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbors_UnsortedInput_AreSorted()
    {
        var graph = new Graph(5, [(2, 4), (2, 0), (2, 3), (1, 2)]);

        Assert.Equal([0, 1, 3, 4], graph.Neighbors(2).ToArray());
    }

    [Fact]
    public void IsConnected_PathWithMiddleInactive_IsFalse()
    {
        var path = new Graph(3, [(0, 1), (1, 2)]);

        Assert.True(path.IsConnected([true, true, true]));
        Assert.False(path.IsConnected([true, false, true]));
        Assert.True(path.IsConnected([true, true, false]));
    }

    [Fact]
    public void IsConnected_ZeroOrOneActive_IsTrue()
    {
        var empty = new Graph(3, []);

        Assert.True(empty.IsConnected([false, false, false]));
        Assert.True(empty.IsConnected([false, true, false]));
        Assert.False(empty.IsConnected([true, true, false]));
    }

    [Fact]
    public void IsConnected_LargeGraphUsesPool_MatchesSmallGraphRule()
    {
        int n = 1000;
        var ring = new Graph(n, Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)));
        var active = Enumerable.Repeat(true, n).ToArray();

        Assert.True(ring.IsConnected(active));
        active[10] = false;
        Assert.True(ring.IsConnected(active));
        active[500] = false;
        Assert.False(ring.IsConnected(active));
    }

    [Fact]
    public void IsConnected_SteadyState_AllocatesNothing()
    {
        var ring = new Graph(600, Enumerable.Range(0, 600).Select(i => (i, (i + 1) % 600)));
        var active = Enumerable.Repeat(true, 600).ToArray();
        ring.IsConnected(active);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool connected = ring.IsConnected(active);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(connected);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void IsConnected_WrongMaskLength_Throws()
    {
        var graph = new Graph(3, [(0, 1)]);

        var error = Assert.Throws<ArgumentException>(() => graph.IsConnected([true, true]));

        Assert.StartsWith("The active mask needs 3 entries, got 2.", error.Message, StringComparison.Ordinal);
    }
}
