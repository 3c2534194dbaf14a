using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class TopologyGroupedTests
{
    private static IEnumerable<(int A, int B)> EdgesOf(Graph g) => g.Edges().Select(e => (e.A, e.B));

    [Fact]
    public void KNearestGrouped_RandomSitesAndSizes_SameGraphAsPairwiseRule()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 60; trial++)
        {
            int groups = random.Next(1, 9);
            // Integer coordinates on a small grid: co-located groups and equal distances (ties) happen often.
            var points = Enumerable.Range(0, groups).Select(_ => (X: random.Next(0, 4), Y: random.Next(0, 4))).ToArray();
            int n = random.Next(1, 40);
            int[] groupOf = [.. Enumerable.Range(0, n).Select(_ => random.Next(groups))];
            int k = random.Next(1, 6);
            double Distance(int g, int h) => Math.Sqrt(Math.Pow(points[g].X - points[h].X, 2) + Math.Pow(points[g].Y - points[h].Y, 2));

            Graph grouped = Topology.KNearestGrouped(k, groupOf, groups, Distance);
            Graph pairwise = Topology.Build(new TopologySpec(TopologyKind.KNearest, 0.2, k), n,
                (a, b) => Distance(groupOf[a], groupOf[b]), new Random(1));

            Assert.Equal(EdgesOf(pairwise), EdgesOf(grouped));
        }
    }

    [Fact]
    public void KNearestGrouped_AsymmetricDistance_FallsBackToPairwiseJoin()
    {
        int[] groupOf = [0, 0, 1, 1, 2, 2];
        double Distance(int g, int h) => g == h ? 0 : (10 * g) + h + 1;

        Graph grouped = Topology.KNearestGrouped(1, groupOf, 3, Distance);

        Assert.True(grouped.IsConnected([.. Enumerable.Repeat(true, 6)]));
    }

    [Fact]
    public void KNearestGrouped_KBelowOne_Throws()
        => Assert.Throws<ArgumentException>(() => Topology.KNearestGrouped(0, [0, 1], 2, (_, _) => 1));
}
