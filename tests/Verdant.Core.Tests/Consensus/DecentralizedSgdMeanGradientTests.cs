using System.Numerics.Tensors;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

public sealed class DecentralizedSgdMeanGradientTests
{
    private const int N = 310;

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void RunRound_ManyNodesThenFew_MeanIsThisRoundsInTheDocumentedOrderWhateverTheWorkerCount(int batchSize)
    {
        // Round 0: 300 of 310 nodes, 20 runs of 15, where smaller tests never have more than 4 runs.
        // Round 1: 9 nodes, runs of 3, 2, 2 and 2, whose partials held round 0's sums: none of those may leak in.
        // The expected means are summed here in the order docs/numerics.md states, independently of GradientMean. Batch 4
        // takes the fused half-batch step, batch 1 (no halves) the written one.
        (Dataset data, _) = SyntheticLogistic.Create(N * 8, 6, 3, new Random(5));
        var network = new Network(ModelSpec.LogisticRegression(6, 3), new VectorGemm());
        int[][] shards = Partitioner.Partition(data.Labels, 3, N, new PartitionSpec(PartitionKind.Iid), new Random(2));
        var options = new SgdOptions(0.1f, batchSize, 2, momentum: 0.9f);
        bool[][] rounds = [[.. Enumerable.Range(0, N).Select(i => i % 31 != 7)], [.. Enumerable.Range(0, N).Select(i => i % 37 == 3)]];
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), N, null, new Random(6)));
        using var first = new DecentralizedSgd(network, data, shards, options, seed: 4, workers: 1);
        float[] expected0 = DocumentedMean(first, network.Spec, rounds[0], round: 0);
        using var second = new DecentralizedSgd(network, data, shards, options, seed: 4, workers: 1);
        mixing.Rebuild(rounds[0]);
        second.RunRound(rounds[0], mixing);
        float[] expected1 = DocumentedMean(second, network.Spec, rounds[1], round: 1);

        foreach (int workers in new[] { 1, 2, 3 })
        {
            using var sgd = new DecentralizedSgd(network, data, shards, options, seed: 4, workers);
            mixing.Rebuild(rounds[0]);
            sgd.RunRound(rounds[0], mixing);
            Assert.Equal(expected0, sgd.MeanGradient.ToArray());
            mixing.Rebuild(rounds[1]);
            sgd.RunRound(rounds[1], mixing);
            Assert.Equal(expected1, sgd.MeanGradient.ToArray());
        }
    }

    // Each active node's steps through the public single-node LocalSteps (with halves, as RunRound takes them), then
    // K = min(count, 64, 4 ceil(count / 64)) runs in active-list order, the first count mod K of them one longer, each
    // summed in order, the runs' sums in order, times 1 / count.
    private static float[] DocumentedMean(DecentralizedSgd sgd, ModelSpec spec, bool[] active, int round)
    {
        int p = sgd.Parameters.Cols, count = active.Count(a => a), position = 0;
        int runs = Math.Min(Math.Min(count, 64), 4 * ((count + 63) / 64));
        var ends = new List<int>();
        for (int r = 0, end = 0; r < runs; r++)
        {
            end += (count / runs) + (r < count % runs ? 1 : 0);
            ends.Add(end);
        }

        var workspace = new ModelWorkspace(spec, sgd.Options.BatchSize);
        var gradient = new float[p];
        var partial = new float[p];
        var mean = new float[p];
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                continue;
            }

            sgd.LocalSteps(i, round, workspace, new int[sgd.Options.BatchSize], gradient, new float[p]);
            if (position == 0 || ends.Contains(position))
            {
                gradient.CopyTo(partial);
            }
            else
            {
                TensorPrimitives.Add(partial, gradient, partial);
            }

            position++;
            if (ends.Contains(position))
            {
                if (position == ends[0])
                {
                    partial.CopyTo(mean);
                }
                else
                {
                    TensorPrimitives.Add(mean, partial, mean);
                }
            }
        }

        TensorPrimitives.Multiply(mean, 1f / count, mean);
        return mean;
    }
}
