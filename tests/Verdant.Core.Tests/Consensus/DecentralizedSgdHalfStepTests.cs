using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

public sealed class DecentralizedSgdHalfStepTests
{
    [Theory]
    [InlineData(0.9f, 0.01f, 1, 10)]
    [InlineData(0.9f, 0f, 2, 10)]
    [InlineData(0f, 0.01f, 1, 10)]
    [InlineData(0f, 0f, 3, 10)]
    // Odd batches: halves of unequal size weigh 3/7 and 4/7, where the merge rounds; at 1/2 each it is exact and any
    // merge order or fused multiply-add would give the same bits.
    [InlineData(0.9f, 0.01f, 1, 7)]
    [InlineData(0f, 0f, 2, 11)]
    public void RunRound_FusedHalfStep_SameBitsAsWritingBothHalves(float momentum, float weightDecay, int localSteps, int batchSize)
    {
        var options = new SgdOptions(0.1f, batchSize, localSteps, momentum: momentum, weightDecay: weightDecay);
        using DecentralizedSgd fused = Trainer(options, fuse: true);
        using DecentralizedSgd written = Trainer(options, fuse: false);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 6, null, new Random(6)));
        bool[][] masks = [[true, true, true, true, true, true], [true, false, true, true, false, true], [false, true, true, true, true, false]];

        foreach (bool[] active in masks)
        {
            mixing.Rebuild(active);
            Assert.Equal(written.RunRound(active, mixing), fused.RunRound(active, mixing));
        }

        Assert.Equal(written.Parameters.Data, fused.Parameters.Data);
        Assert.Equal(written.Momentum.Data, fused.Momentum.Data);
        Assert.Equal(written.MeanGradient.ToArray(), fused.MeanGradient.ToArray());
        Assert.Equal(written.NodeSquaredLosses.ToArray(), fused.NodeSquaredLosses.ToArray());
        // Summed in another order: the same to float precision.
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(written.GradientNormsSquared[i], fused.GradientNormsSquared[i], written.GradientNormsSquared[i] * 1e-5f);
            Assert.Equal(written.NodeWithinTraces[i], fused.NodeWithinTraces[i], written.NodeWithinTraces[i] * 1e-5);
        }

        Assert.Equal(written.LastGradientStatistics.MeanSquaredNorm, fused.LastGradientStatistics.MeanSquaredNorm,
            written.LastGradientStatistics.MeanSquaredNorm * 1e-5);
    }

    [Fact]
    public void RunRound_FusedHalfStepOverflowsAParameter_ReportsRoundAndNode()
    {
        // A finite loss, then an update that overflows through a huge momentum: the parameter check, not the loss, catches it.
        using DecentralizedSgd sgd = Trainer(new SgdOptions(10f, 10, 1, momentum: 0.9f), fuse: true);
        sgd.Momentum.Row(4)[7] = 3e38f;
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 6, null, new Random(6)));
        bool[] active = [false, false, false, false, true, false];
        mixing.Rebuild(active);

        var ex = Assert.Throws<DivergenceException>(() => sgd.RunRound(active, mixing));

        Assert.Equal("training diverged at round 0, node 4: a parameter is not finite", ex.Message);
    }

    [Fact]
    public void RunRound_FusedHalfStepNonFiniteLoss_ReportsRoundAndNode()
    {
        using DecentralizedSgd sgd = Trainer(new SgdOptions(0.1f, 10, 1, momentum: 0.9f), fuse: true);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 6, null, new Random(6)));
        bool[] active = [true, true, true, true, true, true];
        mixing.Rebuild(active);
        sgd.Parameters.Row(2)[0] = float.NaN;

        var ex = Assert.Throws<DivergenceException>(() => sgd.RunRound(active, mixing));

        Assert.Equal("training diverged at round 0, node 2: loss is NaN", ex.Message);
    }

    private static DecentralizedSgd Trainer(SgdOptions options, bool fuse)
    {
        (Dataset data, _) = SyntheticLogistic.Create(300, 20, 4, new Random(8));
        var network = new Network(ModelSpec.Mlp(20, [40, 24], 4), new VectorGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 4, 6, new PartitionSpec(PartitionKind.Iid), new Random(9));
        return new DecentralizedSgd(network, data, shards, options, seed: 4, workers: 2) { FuseHalfStep = fuse };
    }
}
