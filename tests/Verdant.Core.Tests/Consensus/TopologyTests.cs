using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class TopologyTests
{
    private static Graph Build(TopologyKind kind, int n, Func<int, int, double>? distance = null, int seed = 1)
        => Topology.Build(new TopologySpec(kind), n, distance, new Random(seed));

    private static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();

    private static void AssertRegular(Graph graph, int degree, int edgeCount)
    {
        Assert.True(graph.IsConnected(All(graph.NodeCount)));
        Assert.Equal(edgeCount, graph.EdgeCount);
        Assert.All(Enumerable.Range(0, graph.NodeCount), i => Assert.Equal(degree, graph.Degree(i)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    public void Complete_AnyN_HasDegreeNMinusOne(int n) => AssertRegular(Build(TopologyKind.Complete, n), n - 1, n * (n - 1) / 2);

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(33)]
    public void Ring_NAtLeastThree_HasDegreeTwo(int n) => AssertRegular(Build(TopologyKind.Ring, n), 2, n);

    [Fact]
    public void Ring_SmallN_DegeneratesToEdgeOrPoint()
    {
        AssertRegular(Build(TopologyKind.Ring, 2), 1, 1);
        AssertRegular(Build(TopologyKind.Ring, 1), 0, 0);
    }

    [Theory]
    [InlineData(9, 3, 3)]
    [InlineData(12, 3, 4)]
    [InlineData(36, 6, 6)]
    [InlineData(60, 6, 10)]
    public void Torus_RowsAndColsAtLeastThree_HasDegreeFour(int n, int rows, int cols)
    {
        Assert.Equal((rows, cols), Topology.TorusShape(n));
        AssertRegular(Build(TopologyKind.Torus, n), 4, 2 * n);
    }

    [Fact]
    public void Torus_PrimeN_FallsBackToRing() => AssertRegular(Build(TopologyKind.Torus, 13), 2, 13);

    [Fact]
    public void Torus_TwoRows_HasDegreeThree() => AssertRegular(Build(TopologyKind.Torus, 8), 3, 12);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(16, 4)]
    [InlineData(64, 6)]
    public void Hypercube_PowerOfTwo_HasDegreeLog2N(int n, int log2) => AssertRegular(Build(TopologyKind.Hypercube, n), log2, n * log2 / 2);

    [Fact]
    public void Hypercube_SixNodes_ThrowsDocumentedMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(TopologyKind.Hypercube, 6));

        Assert.Equal("nodeCount", error.ParamName);
        Assert.Equal("Hypercube needs nodeCount to be a power of two, got 6. (Parameter 'nodeCount')", error.Message);
    }

    [Fact]
    public void Exponential_SixteenNodes_HasHopsOneTwoFourEight()
    {
        var graph = Build(TopologyKind.Exponential, 16);

        AssertRegular(graph, 7, 56);
        Assert.Equal([1, 2, 4, 8, 12, 14, 15], graph.Neighbors(0).ToArray());
    }

    [Fact]
    public void Exponential_TenNodes_IsConnectedAndSymmetric()
    {
        var graph = Build(TopologyKind.Exponential, 10);

        Assert.True(graph.IsConnected(All(10)));
        Assert.Equal([1, 2, 4, 6, 8, 9], graph.Neighbors(0).ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ErdosRenyi_ProbabilityOutsideUnitInterval_Throws(double p)
    {
        var spec = new TopologySpec(TopologyKind.ErdosRenyi, EdgeProbability: p);

        var error = Assert.Throws<ArgumentException>(() => Topology.Build(spec, 5, null, new Random(1)));

        Assert.StartsWith("ErdosRenyi needs EdgeProbability in (0, 1], got ", error.Message, StringComparison.Ordinal);
        Assert.Equal("spec", error.ParamName);
    }

    [Fact]
    public void ErdosRenyi_SparseP_IsConnectedAndSeedReproducible()
    {
        var spec = new TopologySpec(TopologyKind.ErdosRenyi, EdgeProbability: 0.02);
        for (int seed = 0; seed < 20; seed++)
        {
            var first = Topology.Build(spec, 40, null, new Random(seed));
            var second = Topology.Build(spec, 40, null, new Random(seed));

            Assert.True(first.IsConnected(All(40)));
            Assert.Equal(first.Edges(), second.Edges());
        }
    }

    [Fact]
    public void ErdosRenyi_PEqualsOne_IsComplete() =>
        AssertRegular(Topology.Build(new TopologySpec(TopologyKind.ErdosRenyi, 1.0), 6, null, new Random(3)), 5, 15);

    [Fact]
    public void KNearest_TwoClustersOnALine_JoinedByClosestPair()
    {
        double[] position = [0, 1, 2, 3, 100, 101, 102, 103];
        var spec = new TopologySpec(TopologyKind.KNearest, K: 1);

        var graph = Topology.Build(spec, 8, (a, b) => Math.Abs(position[a] - position[b]), new Random(1));

        Assert.True(graph.IsConnected(All(8)));
        Assert.Equal([(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)], graph.Edges().ToArray());
    }

    [Fact]
    public void KNearest_EveryNode_LinksItsKNearest()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 30).Select(_ => (X: random.NextDouble(), Y: random.NextDouble())).ToArray();
        double Distance(int a, int b) => Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2));

        var graph = Topology.Build(new TopologySpec(TopologyKind.KNearest, K: 3), 30, Distance, new Random(1));

        Assert.True(graph.IsConnected(All(30)));
        for (int a = 0; a < 30; a++)
        {
            var nearest = Enumerable.Range(0, 30).Where(b => b != a).OrderBy(b => Distance(a, b)).Take(3);
            Assert.All(nearest, b => Assert.Contains(b, graph.Neighbors(a).ToArray()));
        }
    }

    [Fact]
    public void KNearest_WithoutDistance_ThrowsNamingDistance()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Build(TopologyKind.KNearest, 4));

        Assert.Equal("distanceKm", error.ParamName);
    }
}
