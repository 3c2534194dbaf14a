using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public class TopologyReportTests
{
    [Fact]
    public void Of_RingOf16_MatchesAnalyticGapAndCounts()
    {
        Graph ring = Topology.Build(new TopologySpec(TopologyKind.Ring), 16, null, new Random(1));

        TopologyReport report = TopologyReport.Of(ring, 1000);

        Assert.Equal(16, report.Edges);
        Assert.Equal((2, 2.0, 2), (report.MinDegree, report.MeanDegree, report.MaxDegree));
        Assert.Equal(1 - ((1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / 16))), report.SpectralGap, 6);
        Assert.Equal(32_000, report.BytesPerRound);
    }

    [Fact]
    public void Of_EnergySparse_KeepsGapTargetWithFewerBytesThanComplete()
    {
        var spec = new TopologySpec(TopologyKind.EnergySparse) { MinSpectralGap = 0.2 };
        var random = new Random(3);
        double[] x = Enumerable.Range(0, 20).Select(_ => random.NextDouble() * 1000).ToArray();

        TopologyReport sparse = TopologyReport.Of(Topology.Build(spec, 20, (a, b) => Math.Abs(x[a] - x[b]), random), 100);
        TopologyReport complete = TopologyReport.Of(Topology.Build(new TopologySpec(TopologyKind.Complete), 20, null, random), 100);

        Assert.True(sparse.SpectralGap >= 0.2);
        Assert.True(sparse.BytesPerRound < complete.BytesPerRound / 2);
    }
}
