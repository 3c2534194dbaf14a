using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class LanczosTests
{
    // Both answers are double precision; a converged Ritz value is far closer than its residual bound (error ~ bound^2 / gap).
    private const double AgreementTolerance = 1e-8;

    private static double DenseGap(Graph graph, bool[] active)
        => MixingMatrix.GapOf(MixingMatrix.ActiveMetropolis(graph, active));

    [Theory]
    [InlineData(300, 0.02, 1)]
    [InlineData(400, 0.01, 2)]
    [InlineData(600, 0.008, 3)]
    public void EstimateSpectrum_RandomGraphsAboveDenseLimit_MatchesDenseDecomposition(int n, double p, int seed)
    {
        Graph graph = Topology.Build(new TopologySpec(TopologyKind.ErdosRenyi, p), n, null, new Random(seed));
        var random = new Random(seed);
        bool[] active = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.9)];
        active[0] = true;
        if (!graph.IsConnected(active))
        {
            active = [.. Enumerable.Repeat(true, n)];
        }

        SpectralEstimate estimate = new MixingMatrix(graph).EstimateSpectrum(active);

        Assert.True(estimate.Iterative);
        Assert.True(estimate.ErrorBound <= MixingMatrix.LanczosTolerance, $"bound {estimate.ErrorBound}");
        Assert.Equal(DenseGap(graph, active), estimate.Gap, AgreementTolerance);
    }

    [Theory]
    [InlineData(TopologyKind.Ring, 300)]
    [InlineData(TopologyKind.Torus, 400)]
    [InlineData(TopologyKind.Exponential, 500)]
    public void EstimateSpectrum_StructuredGraphs_MatchesDenseDecomposition(TopologyKind kind, int n)
    {
        Graph graph = Topology.Build(new TopologySpec(kind), n, null, new Random(1));
        bool[] all = [.. Enumerable.Repeat(true, n)];

        SpectralEstimate estimate = new MixingMatrix(graph).EstimateSpectrum(all);

        Assert.Equal(DenseGap(graph, all), estimate.Gap, AgreementTolerance);
    }

    [Fact]
    public void Extremes_StoppedEarly_NeverOverstatesTheEigenvalues()
    {
        Graph graph = Topology.Build(new TopologySpec(TopologyKind.Torus), 900, null, new Random(1));
        bool[] all = [.. Enumerable.Repeat(true, 900)];
        var (offsets, columns, values) = MixingMatrix.ActiveMetropolisCsr(graph, all);
        var exact = MixingMatrix.ActiveMetropolis(graph, all).Evd().EigenValues.Select(e => e.Real).OrderByDescending(e => e).ToArray();

        SpectralEstimate early = Lanczos.Extremes(offsets, columns, values, 1e-12, 20);

        Assert.InRange(early.Top, exact[^1], exact[1] + 1e-12);
        Assert.InRange(early.Bottom, exact[^1] - 1e-12, exact[1]);
        Assert.True(early.ErrorBound > 1e-12);
    }

    [Fact]
    public void EstimateSpectrum_DisconnectedAboveDenseLimit_IsZeroWithoutIterating()
    {
        Graph graph = Topology.Build(new TopologySpec(TopologyKind.Ring), 400, null, new Random(1));
        bool[] active = [.. Enumerable.Range(0, 400).Select(i => i != 10 && i != 200)];

        SpectralEstimate estimate = new MixingMatrix(graph).EstimateSpectrum(active);

        Assert.Equal(0.0, estimate.Gap);
        Assert.False(estimate.Iterative);
    }
}
