using System.Diagnostics;
using Verdant.Cli.Commands;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Bench;

/// <summary>
/// Times the stacked trainer (<see cref="DecentralizedSgd"/>) on synthetic 784-feature data, all nodes active on a 2-D torus
/// (degree 4), batch 32, tau = 1: whole rounds for the training rate, one gossip step alone for the mixing bandwidth.
/// </summary>
/// <remarks>
/// Training FLOPs are <see cref="ModelSpec.TrainFlopsPerExample"/> x batch x node steps (docs/models.md). Mixing bytes are
/// the compulsory traffic of X &lt;- W X: every active row read once and written once, 8 N P bytes.
/// </remarks>
internal sealed class TrainingBench(int workers, double minSeconds)
{
    public const int BatchSize = 32;
    public const int Features = 784;
    public const int Classes = 10;

    public static ModelSpec Spec(string model) => model == "mlp"
        ? ModelSpec.Mlp(Features, [256, 128], Classes)
        : ModelSpec.LogisticRegression(Features, Classes);

    public static Dataset Data(int examples) => SyntheticLogistic.Create(examples, Features, Classes, new Random(11)).Data;

    /// <summary>Measures one case; <paramref name="extraRounds"/> more rounds are run (untimed) for the scale check.</summary>
    public BenchCase Run(string model, int nodes, Dataset data, double sgemmGflops, double streamGbs, int extraRounds = 0)
    {
        ModelSpec spec = Spec(model);
        var network = new Network(spec, RunSetup.CreateGemm());
        int[][] shards = Partitioner.Partition(data.Labels, Classes, nodes, new PartitionSpec(PartitionKind.Iid), new Random(2));
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.001f, BatchSize, 1, momentum: 0.9f), 3, workers);
        long perNode = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / nodes;
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Torus), nodes, null, new Random(6)));
        bool[] active = new bool[nodes];
        Array.Fill(active, true);
        mixing.Rebuild(active);
        sgd.RunRound(active, mixing);
        sgd.RunRound(active, mixing);
        (int rounds, double seconds, long allocated) = TimeRounds(sgd, active, mixing);
        for (int r = 0; r < extraRounds; r++)
        {
            sgd.RunRound(active, mixing);
        }

        double stepsPerS = nodes / seconds;
        double gflops = stepsPerS * BatchSize * spec.TrainFlopsPerExample / 1e9;
        double mixGbs = MixBench.Gbs(sgd, mixing, active, workers, minSeconds / 2);
        return new BenchCase(model, nodes, Round(stepsPerS), Round(gflops), Round(gflops / sgemmGflops, 3), Round(mixGbs),
            Round(mixGbs / streamGbs, 3), allocated / rounds, perNode);
    }

    // Best round, like the best-of rooflines: on a shared machine the mean measures the neighbours' load, not Verdant.
    // Allocations are those of the threads that run the rounds (the caller and the trainer's workers): the process-wide
    // count also holds the runtime's own threads (e.g. 24 bytes once, off the trainer, in the first case of a process).
    private (int Rounds, double Seconds, long Allocated) TimeRounds(DecentralizedSgd sgd, bool[] active, MixingMatrix mixing)
    {
        long callerBefore = GC.GetAllocatedBytesForCurrentThread();
        long workersBefore = sgd.WorkerAllocatedBytes;
        long begin = Stopwatch.GetTimestamp();
        int rounds = 0;
        double best = double.MaxValue;
        while (rounds < 3 || Stopwatch.GetElapsedTime(begin).TotalSeconds < minSeconds)
        {
            long start = Stopwatch.GetTimestamp();
            sgd.RunRound(active, mixing);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            rounds++;
        }

        long trainer = GC.GetAllocatedBytesForCurrentThread() - callerBefore + sgd.WorkerAllocatedBytes - workersBefore;
        return (rounds, best, trainer);
    }

    internal static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
