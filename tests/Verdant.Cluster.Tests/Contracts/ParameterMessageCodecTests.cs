using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Tests.Contracts;

public sealed class ParameterMessageCodecTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ParameterMessage).Assembly))
        .BuildServiceProvider();

    private static Serializer Serializer => Services.GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))
        ?? throw new InvalidOperationException("deserialized null");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(235_146)]
    public void RoundTrip_AnyLength_KeepsEveryBit(int floats)
    {
        var random = new Random(floats);
        float[] parameters = [.. Enumerable.Range(0, floats).Select(_ => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)))];
        var message = new ParameterMessage(1 << 24, 5, parameters);

        ParameterMessage copy = RoundTrip(message);

        Assert.Equal((1 << 24, 5), (copy.Round, copy.From));
        Assert.Equal(parameters.Select(BitConverter.SingleToInt32Bits), copy.Parameters.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void RoundTrip_SpecialValues_KeepsEveryBit()
    {
        float[] parameters = [float.NaN, -0f, float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue,
            BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001))];

        float[] copy = RoundTrip(new ParameterMessage(0, 0, parameters)).Parameters;

        Assert.Equal(parameters.Select(BitConverter.SingleToInt32Bits), copy.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Serialize_Parameters_AreOneLittleEndianBlock()
    {
        float[] parameters = [.. Enumerable.Range(0, 1000).Select(i => i * 0.5f)];

        byte[] wire = Serializer.SerializeToArray(new ParameterMessage(3, 2, parameters));

        // The generated per-element codec spent 5 bytes per float; the block spends 4 and a few bytes of framing.
        Assert.InRange(wire.Length, 4000, 4032);
        byte[] block = new byte[4000];
        for (int i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(4 * i), parameters[i]);
        }

        Assert.True(wire.AsSpan().IndexOf(block) >= 0, "the parameters' bytes are not one contiguous block");
    }

    [Fact]
    public void Deserialize_InsideAGraph_KeepsReferencesAligned()
    {
        var shared = new ParameterMessage(1, 2, [1f, 2f]);
        ParameterMessage[] graph = [shared, new ParameterMessage(4, 5, [3f]), shared];

        ParameterMessage[] copy = RoundTrip(graph);

        Assert.Same(copy[0], copy[2]);
        Assert.Equal([3f], copy[1].Parameters);
        Assert.Equal((4, 5), (copy[1].Round, copy[1].From));
    }

    [Fact]
    public void DeepCopy_IsTheSameImmutableMessage()
    {
        var message = new ParameterMessage(0, 0, [1f]);

        Assert.Same(message, Services.GetRequiredService<DeepCopier>().Copy(message));
    }
}
