using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

public sealed class GossipTests
{
    private const double AverageTolerance = 1e-5;
    private const double ContractionSlack = 1e-4;

    private static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();

    private static StackedMatrix RandomStack(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var x = new StackedMatrix(rows, cols);
        for (int k = 0; k < x.Data.Length; k++)
        {
            x.Data[k] = (float)((random.NextDouble() * 2) - 1);
        }

        return x;
    }

    private static MixingMatrix Ring(int n) => new(Topology.Build(new TopologySpec(TopologyKind.Ring), n, null, new Random(1)));

    [Fact]
    public void Mix_RingOfSixteen_PreservesAverageAndContractsBySpectralGap()
    {
        var w = Ring(16);
        var active = All(16);
        var x = RandomStack(16, 33, seed: 9);
        var scratch = new StackedMatrix(16, 33);
        var mean = new float[33];
        var initialMean = new float[33];
        x.MeanOfRows(initialMean);
        double rate = 1 - w.SpectralGap(active);
        double initial = Math.Sqrt(Gossip.ConsensusDistance(x, active, mean) * 16);

        for (int t = 1; t <= 50; t++)
        {
            Gossip.Mix(w, x, scratch, active);

            x.MeanOfRows(mean);
            Assert.All(Enumerable.Range(0, 33), c => Assert.Equal(initialMean[c], mean[c], AverageTolerance));
            double disagreement = Math.Sqrt(Gossip.ConsensusDistance(x, active, mean) * 16);
            Assert.True(
                disagreement <= (Math.Pow(rate, t) * initial) + ContractionSlack,
                $"t={t}: {disagreement} > {Math.Pow(rate, t) * initial}");
        }
    }

    [Fact]
    public void Mix_InactiveRows_AreUntouched()
    {
        var w = Ring(8);
        bool[] active = [true, true, false, true, true, true, false, true];
        w.Rebuild(active);
        var x = RandomStack(8, 7, seed: 3);
        var before = (float[])x.Data.Clone();

        Gossip.Mix(w, x, new StackedMatrix(8, 7), active);

        Assert.Equal(before.AsSpan(2 * 7, 7).ToArray(), x.ReadRow(2).ToArray());
        Assert.Equal(before.AsSpan(6 * 7, 7).ToArray(), x.ReadRow(6).ToArray());
        Assert.NotEqual(before.AsSpan(0, 7).ToArray(), x.ReadRow(0).ToArray());
    }

    [Fact]
    public void MixRow_WithNeighbourRows_EqualsStackedMixRow()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.ErdosRenyi, 0.3), 12, null, new Random(4)));
        var x = RandomStack(12, 1024, seed: 5);
        var original = (float[])x.Data.Clone();
        var single = new float[1024];
        var rows = w.RowColumns(5).ToArray().Select(j => (ReadOnlyMemory<float>)original.AsMemory(j * 1024, 1024)).ToArray();

        Gossip.MixRow(w.RowWeights(5), rows, single);
        Gossip.Mix(w, x, new StackedMatrix(12, 1024), All(12));

        Assert.All(Enumerable.Range(0, 1024), c => Assert.Equal(x.ReadRow(5)[c], single[c], 1e-6f));
    }

    [Fact]
    public void MixRows_SplitIntoRanges_EqualsWholeMix()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Exponential), 10, null, new Random(1)));
        var whole = RandomStack(10, 8, seed: 6);
        var split = RandomStack(10, 8, seed: 6);
        var scratch = new StackedMatrix(10, 8);
        var active = All(10);

        Gossip.Mix(w, whole, new StackedMatrix(10, 8), active);
        Gossip.MixRows(w, split, scratch, active, 0, 4);
        Gossip.MixRows(w, split, scratch, active, 4, 10);
        Gossip.CommitRows(split, scratch, active, 0, 6);
        Gossip.CommitRows(split, scratch, active, 6, 10);

        Assert.Equal(whole.Data, split.Data);
    }

    [Fact]
    public void Mix_SteadyState_AllocatesNothing()
    {
        var w = Ring(16);
        var active = All(16);
        var x = RandomStack(16, 64, seed: 1);
        var scratch = new StackedMatrix(16, 64);
        Gossip.Mix(w, x, scratch, active);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Gossip.Mix(w, x, scratch, active);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Mix_MismatchedScratch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Gossip.Mix(Ring(4), new StackedMatrix(4, 3), new StackedMatrix(4, 2), All(4)));

        Assert.Equal("scratch", error.ParamName);
    }

    [Fact]
    public void MixRow_WeightCountDiffersFromRows_Throws()
    {
        var rows = new ReadOnlyMemory<float>[] { new float[3], new float[3] };

        var error = Assert.Throws<ArgumentException>(() => Gossip.MixRow([1f], rows, new float[3]));

        Assert.StartsWith("MixRow needs one weight per row and at least one row, got 1 weights and 2 rows.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsensusDistance_TwoActiveRows_IsHalfSquaredGap()
    {
        var x = new StackedMatrix(3, 2);
        x.Row(0)[0] = 1;
        x.Row(1)[0] = 3;
        x.Row(2)[1] = 100;

        double distance = Gossip.ConsensusDistance(x, [true, true, false], new float[2]);

        Assert.Equal(1.0, distance, 1e-9);
        Assert.Equal(0.0, Gossip.ConsensusDistance(x, [false, false, false], new float[2]));
    }
}
