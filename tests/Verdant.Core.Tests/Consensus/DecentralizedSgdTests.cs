using System.Numerics.Tensors;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

public class DecentralizedSgdTests
{
    private const float WeightDecay = 0.01f;

    [Fact]
    public void RunRound_DecayingStepOnRing_ReachesCentralizedOptimum()
    {
        (Dataset data, _) = SyntheticLogistic.Create(480, 5, 3, new Random(3));
        var network = new Network(ModelSpec.LogisticRegression(5, 3), new ManagedGemm());
        double optimum = Objective(network, data, CentralizedOptimum(network, data));
        int[][] shards = Partitioner.Partition(data.Labels, 3, 8, new PartitionSpec(PartitionKind.Iid), new Random(4));
        var options = new SgdOptions(0.5f, 16, weightDecay: WeightDecay, learningRateDecay: 0.01f);
        using var sgd = new DecentralizedSgd(network, data, shards, options, seed: 5, workers: 1);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 8, null, new Random(6)));
        bool[] active = Enumerable.Repeat(true, 8).ToArray();
        mixing.Rebuild(active);

        for (int t = 0; t < 4000; t++)
        {
            sgd.RunRound(active, mixing);
        }

        var average = new float[network.Spec.ParameterCount];
        sgd.Parameters.MeanOfRows(average);
        double gap = Objective(network, data, average) - optimum;
        Assert.InRange(gap, -1e-6, 2e-3);
        Assert.True(Gossip.ConsensusDistance(sgd.Parameters, active, new float[sgd.Parameters.Cols]) < 1e-3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RunRound_HalfBatchStep_SameBitsAsTheSingleRowStep(bool fuse)
    {
        // The stacked trainer runs its node steps on worker threads with worker buffers and adds the gradient into its
        // group's partial; ForNode's public LocalSteps runs the same step on the caller's buffers. With the node alone
        // active, the round's mean gradient is its gradient. Gradient and momentum (which mixing leaves alone) must agree
        // bit for bit, and so must the within-node trace.
        (Dataset data, _) = SyntheticLogistic.Create(400, 20, 4, new Random(8));
        var network = new Network(ModelSpec.Mlp(20, [24], 4), new VectorGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 4, 5, new PartitionSpec(PartitionKind.Iid), new Random(9));
        var options = new SgdOptions(0.1f, 10, 1, momentum: 0.9f, weightDecay: WeightDecay);
        using var stacked = new DecentralizedSgd(network, data, shards, options, seed: 4, workers: 2) { FuseHalfStep = fuse };
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 5, null, new Random(6)));
        const int Node = 3;
        bool[] active = [false, false, false, true, false];
        mixing.Rebuild(active);
        stacked.RunRound(active, mixing);
        using var single = DecentralizedSgd.ForNode(network, data, shards[Node], options, seed: 4, node: Node);
        single.FuseHalfStep = fuse;
        int p = network.Spec.ParameterCount;

        var gradient = new float[p];

        single.LocalSteps(0, 0, new ModelWorkspace(network.Spec, 10), new int[10], gradient, new float[p]);

        Assert.Equal(gradient, stacked.MeanGradient.ToArray());
        Assert.Equal(single.Momentum.ReadRow(0).ToArray(), stacked.Momentum.ReadRow(Node).ToArray());
        Assert.Equal(single.NodeWithinTraces[0], stacked.NodeWithinTraces[Node]);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    public void RunRound_MeanGradient_IsTheActiveNodesGradientsInGroupOrderWhateverTheWorkerCount(bool mlp, int localSteps)
    {
        // 19 of 23 nodes active: runs of 5, 5, 5 and 4. Each node's gradient comes from its own single-row trainer.
        const int N = 23;
        (Dataset data, _) = SyntheticLogistic.Create(600, 12, 3, new Random(5));
        var network = new Network(mlp ? ModelSpec.Mlp(12, [16], 3) : ModelSpec.LogisticRegression(12, 3), new VectorGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 3, N, new PartitionSpec(PartitionKind.Iid), new Random(2));
        var options = new SgdOptions(0.1f, 8, localSteps, momentum: 0.9f);
        bool[] active = Enumerable.Range(0, N).Select(i => i % 6 != 1).ToArray();
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), N, null, new Random(6)));
        mixing.Rebuild(active);
        int p = network.Spec.ParameterCount, count = active.Count(a => a), position = 0;
        var byNode = new GradientMean(p, N);
        for (int i = 0; i < N; i++)
        {
            if (active[i])
            {
                using var single = DecentralizedSgd.ForNode(network, data, shards[i], options, seed: 4, node: i);
                var gradient = new float[p];
                single.LocalSteps(0, 0, new ModelWorkspace(network.Spec, 8), new int[8], gradient, new float[p]);
                byNode.Add(position++, count, gradient);
            }
        }

        var expected = new float[p];
        byNode.Columns(count, 0, p, expected);

        foreach (int workers in new[] { 1, 2, 3 })
        {
            using var sgd = new DecentralizedSgd(network, data, shards, options, seed: 4, workers);
            sgd.RunRound(active, mixing);
            Assert.Equal(expected, sgd.MeanGradient.ToArray());
        }
    }

    [Fact]
    public void RunRound_NoNodeActive_RecordsNoStatisticsInsteadOfTheLastRounds()
    {
        // The simulation observes the statistics every round: a round without training must not repeat the last one's.
        (Dataset data, _) = SyntheticLogistic.Create(200, 4, 2, new Random(1));
        var network = new Network(ModelSpec.LogisticRegression(4, 2), new ManagedGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 2, 4, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.1f, 8), 3, workers: 2);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(6)));
        bool[] all = [true, true, true, true];
        mixing.Rebuild(all);
        sgd.RunRound(all, mixing);
        Assert.Equal(4, sgd.LastGradientStatistics.Nodes);
        bool[] none = [false, false, false, false];
        mixing.Rebuild(none);

        float loss = sgd.RunRound(none, mixing);

        Assert.True(float.IsNaN(loss));
        Assert.Equal(GradientStatistics.None, sgd.LastGradientStatistics);
    }

    [Fact]
    public void RunRound_InactiveNodes_KeepParametersAndMomentumUntouched()
    {
        (Dataset data, _) = SyntheticLogistic.Create(200, 4, 2, new Random(1));
        var network = new Network(ModelSpec.Mlp(4, [6], 2), new ManagedGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 2, 6, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.1f, 8, 2, momentum: 0.9f), 3, workers: 2);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Complete), 6, null, new Random(6)));
        bool[] all = Enumerable.Repeat(true, 6).ToArray();
        mixing.Rebuild(all);
        sgd.RunRound(all, mixing);
        bool[] some = [true, false, true, false, true, true];
        mixing.Rebuild(some);
        float[] before = sgd.Parameters.Row(1).ToArray();
        float[] momentumBefore = sgd.Momentum.Row(3).ToArray();

        sgd.RunRound(some, mixing);

        Assert.Equal(before, sgd.Parameters.Row(1).ToArray());
        Assert.Equal(momentumBefore, sgd.Momentum.Row(3).ToArray());
    }

    [Fact]
    public void RunRound_MixingPreservesAverageOfActiveRowsAfterLocalSteps()
    {
        (Dataset data, _) = SyntheticLogistic.Create(300, 4, 3, new Random(1));
        var network = new Network(ModelSpec.LogisticRegression(4, 3), new ManagedGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 3, 5, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.3f, 8), 3, workers: 1);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 5, null, new Random(6)));
        bool[] all = Enumerable.Repeat(true, 5).ToArray();
        mixing.Rebuild(all);
        sgd.RunRound(all, mixing);
        var expected = new float[network.Spec.ParameterCount];
        var batch = new int[8];
        var workspace = new ModelWorkspace(network.Spec, 8);
        // Reproduce the next round's local steps on a copy, then compare averages: mixing must not move the mean.
        using var twin = new DecentralizedSgd(network, data, shards, new SgdOptions(0.3f, 8), 3, workers: 1);
        twin.RunRound(all, mixing);
        for (int i = 0; i < 5; i++)
        {
            twin.LocalSteps(i, 1, workspace, batch, new float[expected.Length]);
            TensorPrimitives.Add(expected, twin.Parameters.ReadRow(i), expected);
        }

        sgd.RunRound(all, mixing);
        var actual = new float[expected.Length];
        sgd.Parameters.MeanOfRows(actual);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j] / 5, actual[j], 5);
        }
    }

    [Fact]
    public void LocalSteps_NonFiniteLoss_ReportsRoundAndNode()
    {
        (Dataset data, _) = SyntheticLogistic.Create(100, 4, 2, new Random(1));
        var network = new Network(ModelSpec.LogisticRegression(4, 2), new ManagedGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 2, 4, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.1f, 4), 3, workers: 1);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(6)));
        bool[] active = [true, true, true, true];
        mixing.Rebuild(active);
        sgd.Parameters.Row(2)[0] = float.NaN;

        var ex = Assert.Throws<DivergenceException>(() => sgd.RunRound(active, mixing));

        Assert.Equal(2, ex.Node);
        Assert.Equal("training diverged at round 0, node 2: loss is NaN", ex.Message);
    }

    private static float[] CentralizedOptimum(Network network, Dataset data)
    {
        var x = new float[network.Spec.ParameterCount];
        var g = new float[x.Length];
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        var workspace = new ModelWorkspace(network.Spec, data.Count);
        for (int it = 0; it < 5000; it++)
        {
            network.LossAndGradient(x, data, all, g, workspace);
            TensorPrimitives.MultiplyAdd(x, WeightDecay, g, g);
            TensorPrimitives.MultiplyAdd(g, -0.5f, x, x);
        }

        return x;
    }

    private static double Objective(Network network, Dataset data, float[] x)
    {
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        var g = new float[x.Length];
        double loss = network.LossAndGradient(x, data, all, g, new ModelWorkspace(network.Spec, data.Count));
        return loss + (WeightDecay / 2 * TensorPrimitives.Dot(x, x));
    }
}
