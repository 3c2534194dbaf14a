using BenchmarkDotNet.Attributes;
using Verdant.Cli.Bench;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Benchmarks;

/// <summary>One node step of the naive per-node model (<see cref="NaiveNode"/>, linked from the CLI's bench code), MLP batch 32.</summary>
[MemoryDiagnoser]
// Not sealed: BenchmarkDotNet derives from benchmark classes.
public class NaiveBenchmarks
{
    private NaiveNode? _node;
    private Dataset? _data;
    private readonly int[] _batch = [.. Enumerable.Range(0, 32)];

    [GlobalSetup]
    public void Setup()
    {
        ModelSpec spec = ModelSpec.Mlp(784, [256, 128], 10);
        var initial = new float[spec.ParameterCount];
        new Network(spec, new ManagedGemm()).Initialize(initial, new Random(5));
        _node = new NaiveNode([784, 256, 128, 10], initial);
        _data = SyntheticLogistic.Create(64, 784, 10, new Random(11)).Data;
    }

    [Benchmark]
    public float NodeStep() => _node!.Step(_data!, _batch, 0.001f, 0.9f);
}
