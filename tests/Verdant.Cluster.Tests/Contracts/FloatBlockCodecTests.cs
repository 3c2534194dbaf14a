using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Tests.Contracts;

public sealed class FloatBlockCodecTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(FloatBlock).Assembly))
        .BuildServiceProvider();

    private static Serializer Serializer => Services.GetRequiredService<Serializer>();

    private static readonly float[] Special = [float.NaN, -0f, float.Epsilon, float.PositiveInfinity, float.NegativeInfinity,
        float.MaxValue, BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001)), BitConverter.Int32BitsToSingle(0x7F80_0001)];

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))
        ?? throw new InvalidOperationException("deserialized null");

    private static IEnumerable<int> Bits(float[]? values) => values?.Select(BitConverter.SingleToInt32Bits) ?? [];

    private static float[] RandomBits(int floats)
    {
        var random = new Random(floats);
        return [.. Enumerable.Range(0, floats).Select(_ => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)))];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(235_146)]
    public void RoundTrip_AnyLength_KeepsEveryBit(int floats)
    {
        float[] values = RandomBits(floats);

        Assert.Equal(Bits(values), Bits(RoundTrip(new FloatBlock(values)).Values));
    }

    [Fact]
    public void RoundTrip_SpecialValues_KeepsEveryBit()
    {
        Assert.Equal(Bits(Special), Bits(RoundTrip(new FloatBlock(Special)).Values));
    }

    [Fact]
    public void Serialize_Block_IsOneLittleEndianBlockOfFourBytesPerFloat()
    {
        float[] values = [.. Enumerable.Range(0, 1000).Select(i => i * 0.5f)];

        byte[] wire = Serializer.SerializeToArray(new FloatBlock(values));

        // ArrayCodec<float> spent 5 bytes per float; the block spends 4 and a few bytes of framing.
        Assert.InRange(wire.Length, 4000, 4016);
        byte[] block = new byte[4000];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(4 * i), values[i]);
        }

        Assert.True(wire.AsSpan().IndexOf(block) >= 0, "the values' bytes are not one contiguous block");
    }

    [Fact]
    public void RoundTrip_TrainReply_KeepsGradientBitsAndFields()
    {
        var reply = new TrainReply(9, 0.5f, 2f, new FloatBlock(Special), 1.25, 0.75, double.NaN) { EnergyUnavailable = "none" };

        TrainReply copy = RoundTrip(reply);

        Assert.Equal(Bits(Special), Bits(copy.Gradient?.Values));
        Assert.Equal(reply with { Gradient = null }, copy with { Gradient = null });
        Assert.InRange(Serializer.SerializeToArray(reply with { Gradient = new FloatBlock(new float[1000]) }).Length, 4000, 4100);
    }

    [Fact]
    public void RoundTrip_TrainReplyWithoutGradient_KeepsNull()
    {
        var reply = new TrainReply(3, 1f, 0f, null, 0, 1, 2);

        TrainReply copy = RoundTrip(reply);

        Assert.Null(copy.Gradient);
        Assert.Equal(reply, copy);
    }

    [Fact]
    public void RoundTrip_CatchUpRows_KeepsOrderBitsAndSharedReferences()
    {
        var shared = new FloatBlock([-0f, 1f]);
        FloatBlock[] rows = [shared, new FloatBlock(RandomBits(33)), shared, new FloatBlock([])];

        FloatBlock[] copy = RoundTrip(rows);

        Assert.Equal(rows.Length, copy.Length);
        Assert.Same(copy[0], copy[2]);
        Assert.Equal(rows.Select(r => Bits(r.Values)), copy.Select(r => Bits(r.Values)));
    }

    [Fact]
    public void DeepCopy_IsTheSameImmutableBlock()
    {
        var block = new FloatBlock([1f]);

        Assert.Same(block, Services.GetRequiredService<DeepCopier>().Copy(block));
    }

    [Fact]
    public void Constructor_NullValues_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new FloatBlock(null!));
    }
}
