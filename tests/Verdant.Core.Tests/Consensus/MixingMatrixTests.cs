using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class MixingMatrixTests
{
    private const double SumTolerance = 1e-6;
    private const double GapTolerance = 1e-9;

    private static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();

    private static Graph Build(TopologyKind kind, int n, int seed = 1, double p = 0.2)
        => Topology.Build(new TopologySpec(kind, p), n, null, new Random(seed));

    [Fact]
    public void Rebuild_RandomGraphsAndActiveSets_IsSymmetricDoublyStochasticNonNegative()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 60; trial++)
        {
            int n = random.Next(2, 40);
            var w = new MixingMatrix(Build(TopologyKind.ErdosRenyi, n, trial, random.NextDouble() * 0.5 + 0.01));
            var active = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.7).ToArray();

            w.Rebuild(active);

            AssertMetropolisInvariants(w.ToDense(), active);
        }
    }

    [Fact]
    public void Rebuild_ThenAllActiveAgain_RestoresTheInitialWeights()
    {
        var w = new MixingMatrix(Build(TopologyKind.Torus, 12));
        var initial = w.ToDense();

        w.Rebuild([true, false, true, true, false, true, true, true, true, false, true, true]);
        w.Rebuild(All(12));

        Assert.Equal(initial, w.ToDense());
    }

    [Fact]
    public void Rebuild_SteadyState_AllocatesNothing()
    {
        var w = new MixingMatrix(Build(TopologyKind.Exponential, 64));
        var active = All(64);
        active[3] = false;
        w.Rebuild(active);

        long before = GC.GetAllocatedBytesForCurrentThread();
        w.Rebuild(active);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RowColumns_Always_AreSortedAndHoldTheDiagonal()
    {
        var w = new MixingMatrix(Build(TopologyKind.ErdosRenyi, 15, seed: 7));
        for (int i = 0; i < 15; i++)
        {
            var columns = w.RowColumns(i).ToArray();

            Assert.Equal(columns.Order(), columns);
            Assert.Equal(i, columns[w.DiagonalSlot(i)]);
            Assert.Equal(w.Graph.Degree(i) + 1, w.RowWeights(i).Length);
        }
    }

    [Fact]
    public void Rebuild_RingOfFive_GivesOneThirdWeights()
    {
        var w = new MixingMatrix(Build(TopologyKind.Ring, 5));

        Assert.All(w.RowWeights(2).ToArray(), weight => Assert.Equal(1.0 / 3, weight, 1e-7));
    }

    [Fact]
    public void Rebuild_WrongMaskLength_Throws()
    {
        var w = new MixingMatrix(Build(TopologyKind.Ring, 5));

        Assert.Throws<ArgumentException>(() => w.Rebuild([true, true]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void SpectralGap_Complete_IsOne(int n)
    {
        var w = new MixingMatrix(Build(TopologyKind.Complete, n));

        Assert.Equal(1.0, w.SpectralGap(All(n)), GapTolerance);
        Assert.Equal(1.0 / n, w.ToDense()[0, 1], 1e-7);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(31)]
    public void SpectralGap_Ring_MatchesAnalyticValue(int n)
    {
        var w = new MixingMatrix(Build(TopologyKind.Ring, n));
        double expected = 1 - ((1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / n)));

        Assert.Equal(expected, w.SpectralGap(All(n)), GapTolerance);
    }

    [Fact]
    public void SpectralGap_DisconnectedActiveSubgraph_IsZero()
    {
        var w = new MixingMatrix(Build(TopologyKind.Ring, 8));
        var active = All(8);
        active[0] = false;
        active[4] = false;

        Assert.Equal(0.0, w.SpectralGap(active), GapTolerance);
    }

    [Fact]
    public void SpectralGap_OneActiveNode_IsOne()
    {
        var w = new MixingMatrix(Build(TopologyKind.Ring, 4));

        Assert.Equal(1.0, w.SpectralGap([false, false, true, false]));
    }

    [Fact]
    public void SpectralGap_ActiveSubsetOfRing_EqualsPathGap()
    {
        // Dropping one node of a ring of 6 leaves a path of 5, whose Metropolis gap is independent of the mask order.
        var ring = new MixingMatrix(Build(TopologyKind.Ring, 6));
        var path = new MixingMatrix(new Graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)]));

        double gap = ring.SpectralGap([true, true, true, false, true, true]);

        Assert.Equal(path.SpectralGap(All(5)), gap, GapTolerance);
    }

    private static void AssertMetropolisInvariants(double[,] dense, bool[] active)
    {
        int n = active.Length;
        for (int i = 0; i < n; i++)
        {
            double rowSum = 0;
            double columnSum = 0;
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(dense[i, j], dense[j, i]);
                Assert.True(dense[i, j] >= 0, $"W[{i},{j}] = {dense[i, j]} is negative.");
                if (!active[i] && j != i)
                {
                    Assert.Equal(0.0, dense[i, j]);
                }

                rowSum += dense[i, j];
                columnSum += dense[j, i];
            }

            Assert.Equal(1.0, rowSum, SumTolerance);
            Assert.Equal(1.0, columnSum, SumTolerance);
            if (!active[i])
            {
                Assert.Equal(1.0, dense[i, i]);
            }
        }
    }
}
