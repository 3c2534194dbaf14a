using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Tests.Numerics;

namespace Verdant.Core.Tests.Models;

public sealed class NetworkHalfBatchTests
{
    public static TheoryData<int[], int, bool> Splits => new()
    {
        { Array.Empty<int>(), 5, false }, { new[] { 24, 16 }, 5, false }, { new[] { 24, 16 }, 3, false }, { new[] { 24, 16 }, 5, true },
        // Hidden layers wide enough for the tiles beside a wide provider: they run their forward over the whole batch, the
        // narrow last layer half by half.
        { new[] { 40, 36 }, 3, true }, { new[] { 40, 36 }, 5, false },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void HalfBatchGradients_SameLossesAndBitsAsTwoLossAndGradientCalls(int[] hidden, int first, bool wide)
    {
        (Network network, Dataset data, float[] parameters, int[] batch) = Setup(hidden, wide);

        AssertSameAsTwoCalls(network, data, parameters, batch, first);
    }

    [Fact]
    public void HalfBatchGradients_BatchThatWouldGoToTheWideProvider_SameBitsAsTwoCalls()
    {
        // Halves of 40 rows run the hidden layer's forward on the tiles; the whole batch of 80 rows by 784 inputs would go
        // to the wide provider, which sums so long a product in blocks, so running that layer once over the batch would
        // change its bits.
        (Dataset data, _) = SyntheticLogistic.Create(200, 784, 4, new Random(9));
        var network = new Network(ModelSpec.Mlp(784, [48], 4), new VectorGemm(OpenBlasGemm.Create()));
        float[] parameters = NetworkTests.Initialized(network, seed: 5, biasScale: 0.1f);
        int[] batch = [.. Enumerable.Range(0, 80).Select(i => (i * 37) % 200)];

        AssertSameAsTwoCalls(network, data, parameters, batch, first: 40);
    }

    private static void AssertSameAsTwoCalls(Network network, Dataset data, float[] parameters, int[] batch, int first)
    {
        int p = network.Spec.ParameterCount;
        var workspace = new ModelWorkspace(network.Spec, batch.Length);
        float[] expectedFirst = new float[p], expectedSecond = new float[p];
        float lossFirst = network.LossAndGradient(parameters, data, batch.AsSpan(0, first), expectedFirst, workspace);
        double squaredFirst = workspace.LastMeanSquaredLoss;
        float lossSecond = network.LossAndGradient(parameters, data, batch.AsSpan(first), expectedSecond, workspace);
        double squaredSecond = workspace.LastMeanSquaredLoss;
        var sink = new RecordingHalfSink(p);

        Assert.True(network.SupportsHalfBatchGradients(first, batch.Length - first));
        HalfLosses losses = network.HalfBatchGradients(parameters, data, batch, first, new ModelWorkspace(network.Spec, batch.Length), ref sink);

        Assert.Equal(expectedFirst, sink.First);
        Assert.Equal(expectedSecond, sink.Second);
        Assert.All(sink.Taken, count => Assert.Equal(1, count));
        Assert.Equal(new HalfLosses(lossFirst, lossSecond, squaredFirst, squaredSecond), losses);
    }

    [Fact]
    public void HalfBatchGradients_SinkOverwritesEachLayerAsItIsHandedOver_SameGradients()
    {
        // A layer's weights are handed over only after their last read, so a sink may update them in place; this one
        // poisons them, which would show in every later gradient if a layer were handed over too early.
        (Network network, Dataset data, float[] parameters, int[] batch) = Setup([24, 16], wide: false);
        var reference = new RecordingHalfSink(parameters.Length);
        network.HalfBatchGradients(parameters, data, batch, 5, new ModelWorkspace(network.Spec, batch.Length), ref reference);
        var poisoning = new PoisoningSink(parameters);

        network.HalfBatchGradients(parameters, data, batch, 5, new ModelWorkspace(network.Spec, batch.Length), ref poisoning);

        Assert.Equal(reference.First, poisoning.Recorded.First);
        Assert.Equal(reference.Second, poisoning.Recorded.Second);
        Assert.All(parameters, value => Assert.True(float.IsNaN(value)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void HalfBatchGradients_EmptyHalf_Throws(int first)
    {
        (Network network, Dataset data, float[] parameters, int[] batch) = Setup([4], wide: false);
        var sink = new RecordingHalfSink(parameters.Length);

        var ex = Assert.Throws<ArgumentException>(() =>
            network.HalfBatchGradients(parameters, data, batch, first, new ModelWorkspace(network.Spec, batch.Length), ref sink));

        Assert.Equal($"A batch of 10 examples split after {first} does not give two halves in a workspace of 10. (Parameter 'batch')", ex.Message);
    }

    [Fact]
    public void SupportsHalfBatchGradients_OnlyWhereVectorGemmTilesTheWeightGradients()
    {
        ModelSpec spec = ModelSpec.Mlp(80, [96], 4);

        Assert.False(new Network(spec, new ManagedGemm()).SupportsHalfBatchGradients(16, 16));
        Assert.True(new Network(spec, new VectorGemm()).SupportsHalfBatchGradients(65, 65));
        Assert.True(new Network(spec, new VectorGemm(new ManagedGemm())).SupportsHalfBatchGradients(64, 64));
        // 96 outputs by 80 inputs summed over 65 examples is wide enough to go to the wide provider.
        Assert.False(new Network(spec, new VectorGemm(new ManagedGemm())).SupportsHalfBatchGradients(64, 65));
    }

    private static (Network Network, Dataset Data, float[] Parameters, int[] Batch) Setup(int[] hidden, bool wide)
    {
        (Dataset data, _) = SyntheticLogistic.Create(60, 20, 4, new Random(8));
        var network = new Network(ModelSpec.Mlp(20, hidden, 4), wide ? new VectorGemm(OpenBlasGemm.Create()) : new VectorGemm());
        float[] parameters = NetworkTests.Initialized(network, seed: 3, biasScale: 0.1f);
        int[] batch = [7, 3, 55, 12, 40, 41, 0, 19, 33, 28];
        return (network, data, parameters, batch);
    }

    private sealed class PoisoningSink(float[] parameters) : IHalfGradientSink
    {
        public RecordingHalfSink Recorded { get; } = new(parameters.Length);

        public void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
        {
            Recorded.Take(first, second, offset);
            parameters.AsSpan(offset, first.Length).Fill(float.NaN);
        }

        public void Upcoming(int offset, int count) => Recorded.Upcoming(offset, count);
    }
}
