using System.Diagnostics;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Bench;

/// <summary>Rounds of the naive node loop (<see cref="NaiveNode"/>): every node's step one after another, then every node's mix.</summary>
internal static class NaiveBench
{
    /// <summary>Node steps per second of the naive loop at <paramref name="nodes"/> nodes (MLP, batch 32, tau = 1, torus).</summary>
    public static double NodeStepsPerS(int nodes, Dataset data, double minSeconds)
    {
        ModelSpec spec = TrainingBench.Spec("mlp");
        var initial = new float[spec.ParameterCount];
        new Network(spec, new ManagedGemm()).Initialize(initial, new Random(5));
        int[] widths = [spec.Inputs, .. spec.Hidden, spec.Classes];
        int[][] shards = Partitioner.Partition(data.Labels, TrainingBench.Classes, nodes, new PartitionSpec(PartitionKind.Iid), new Random(2));
        var models = Enumerable.Range(0, nodes).Select(_ => new NaiveNode(widths, initial)).ToList();
        var samplers = Enumerable.Range(0, nodes).Select(i => new BatchSampler(shards[i], new Random(i))).ToList();
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Torus), nodes, null, new Random(6)));
        long start = Stopwatch.GetTimestamp();
        int rounds = 0;
        while (rounds < 1 || Stopwatch.GetElapsedTime(start).TotalSeconds < minSeconds)
        {
            RunRound(models, samplers, mixing, data);
            rounds++;
        }

        return rounds * (double)nodes / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static void RunRound(List<NaiveNode> models, List<BatchSampler> samplers, MixingMatrix mixing, Dataset data)
    {
        for (int i = 0; i < models.Count; i++)
        {
            var batch = new int[TrainingBench.BatchSize];
            samplers[i].Next(batch);
            models[i].Step(data, batch, 0.001f, 0.9f);
        }

        var mixed = new List<(float[][][], float[][])>();
        for (int i = 0; i < models.Count; i++)
        {
            var neighbours = mixing.RowColumns(i).ToArray().Select(j => models[j]).ToList();
            mixed.Add(NaiveNode.Mix(neighbours, mixing.RowWeights(i).ToArray()));
        }

        for (int i = 0; i < models.Count; i++)
        {
            models[i].Assign(mixed[i]);
        }
    }
}
