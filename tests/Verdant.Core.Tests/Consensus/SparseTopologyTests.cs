using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class SparseTopologyTests
{
    private static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();

    private static Func<int, int, double> PlaneCost(int n, int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, n).Select(_ => (X: random.NextDouble(), Y: random.NextDouble())).ToArray();
        return (a, b) => 1 + Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2));
    }

    [Theory]
    [InlineData(12, 0.2, 1)]
    [InlineData(16, 0.3, 2)]
    [InlineData(10, 0.5, 3)]
    public void Build_ReachableTarget_MeetsGapConnectedAndSparserThanComplete(int n, double target, int seed)
    {
        var graph = SparseTopology.Build(n, PlaneCost(n, seed), target);

        Assert.True(graph.IsConnected(All(n)));
        Assert.True(new MixingMatrix(graph).SpectralGap(All(n)) >= target);
        Assert.True(graph.EdgeCount < n * (n - 1) / 2, $"{graph.EdgeCount} edges is the complete graph.");
    }

    [Fact]
    public void Build_TinyTarget_IsTheMinimumSpanningTree()
    {
        double[] position = [0, 5, 1, 7, 2];

        var graph = SparseTopology.Build(5, (a, b) => Math.Abs(position[a] - position[b]), 1e-6);

        Assert.Equal([(0, 2), (1, 3), (1, 4), (2, 4)], graph.Edges().ToArray());
    }

    [Fact]
    public void Build_TargetOne_EndsAtGapOne()
    {
        var graph = SparseTopology.Build(6, (_, _) => 1.0, 1.0);

        Assert.Equal(1.0, new MixingMatrix(graph).SpectralGap(All(6)), 1e-9);
    }

    [Fact]
    public void Build_TargetAboveOne_ThrowsNamingTheTarget()
    {
        var error = Assert.Throws<ArgumentException>(() => SparseTopology.Build(4, (_, _) => 1.0, 1.5));

        Assert.Equal("minSpectralGap must be in (0, 1], got 1.5. (Parameter 'minSpectralGap')", error.Message);
    }

    [Fact]
    public void Build_NegativeCost_ThrowsNamingTheCost()
    {
        var error = Assert.Throws<ArgumentException>(() => SparseTopology.Build(3, (_, _) => -1.0, 0.5));

        Assert.Equal("edgeCostJ", error.ParamName);
    }
}
