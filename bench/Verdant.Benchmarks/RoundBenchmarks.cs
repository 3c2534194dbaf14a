using BenchmarkDotNet.Attributes;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Benchmarks;

/// <summary>One D-PSGD round and one gossip step of the stacked trainer, all nodes active on a torus, batch 32, tau = 1.</summary>
/// <remarks>The quick, same-process version with rooflines is <c>verdant bench</c>; see docs/performance.md.</remarks>
[MemoryDiagnoser]
// Not sealed and not IDisposable: BenchmarkDotNet derives from benchmark classes and disposes through [GlobalCleanup].
#pragma warning disable CA1001 // _sgd is disposed in Cleanup
public class RoundBenchmarks
#pragma warning restore CA1001
{
    private DecentralizedSgd? _sgd;
    private MixingMatrix? _mixing;
    private bool[] _active = [];
    private float[] _mixBuffer = [];

    [Params("logreg", "mlp")]
    public string Model { get; set; } = "mlp";

    [Params(16, 64, 256)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ModelSpec spec = Model == "mlp" ? ModelSpec.Mlp(784, [256, 128], 10) : ModelSpec.LogisticRegression(784, 10);
        Dataset data = SyntheticLogistic.Create(8192, 784, 10, new Random(11)).Data;
        int[][] shards = Partitioner.Partition(data.Labels, 10, Nodes, new PartitionSpec(PartitionKind.Iid), new Random(2));
        _sgd = new DecentralizedSgd(new Network(spec, new VectorGemm(OpenBlasGemm.Create(1))), data, shards,
            new SgdOptions(0.001f, 32, 1, momentum: 0.9f), 3, Environment.ProcessorCount);
        _mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Torus), Nodes, null, new Random(6)));
        _active = Enumerable.Repeat(true, Nodes).ToArray();
        _mixBuffer = new float[Nodes * DecentralizedSgd.MixBlockColumns];
    }

    [GlobalCleanup]
    public void Cleanup() => _sgd?.Dispose();

    [Benchmark]
    public float Round() => _sgd!.RunRound(_active, _mixing!);

    /// <summary>The trainer's blocking: <see cref="DecentralizedSgd.MixBlockColumns"/> columns per block (one worker's buffer).</summary>
    [Benchmark]
    public void MixOnly()
    {
        StackedMatrix x = _sgd!.Parameters;
        int width = DecentralizedSgd.MixBlockColumns;
        for (int from = 0; from < x.Cols; from += width)
        {
            Gossip.MixColumns(_mixing!, x, _active, from, Math.Min(x.Cols, from + width), _mixBuffer);
        }
    }
}
