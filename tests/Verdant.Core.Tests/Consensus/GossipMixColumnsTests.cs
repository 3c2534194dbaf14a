using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

public sealed class GossipMixColumnsTests
{
    private static StackedMatrix RandomStack(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var x = new StackedMatrix(rows, cols);
        for (int k = 0; k < x.Data.Length; k++)
        {
            x.Data[k] = (float)((random.NextDouble() * 2) - 1);
        }

        return x;
    }

    private static StackedMatrix Copy(StackedMatrix x)
    {
        var copy = new StackedMatrix(x.Rows, x.Cols);
        x.Data.CopyTo(copy.Data, 0);
        return copy;
    }

    [Theory]
    [InlineData(TopologyKind.Torus, 16, 1, 7)]
    [InlineData(TopologyKind.Torus, 12, 1037, 256)]
    [InlineData(TopologyKind.Exponential, 16, 33, 8)]
    [InlineData(TopologyKind.Ring, 5, 1024, 1024)]
    [InlineData(TopologyKind.Exponential, 300, 200, 64)]
    [InlineData(TopologyKind.Exponential, 40, 1090, 1024)]
    [InlineData(TopologyKind.Hypercube, 64, 77, 33)]
    [InlineData(TopologyKind.Complete, 150, 70, 70)]
    [InlineData(TopologyKind.Torus, 12, 1037, DecentralizedSgd.MixBlockColumns)]
    [InlineData(TopologyKind.Exponential, 40, (3 * DecentralizedSgd.MixBlockColumns) + 77, DecentralizedSgd.MixBlockColumns)]
    public void MixColumns_AnyBlocking_BitwiseEqualToMix(TopologyKind kind, int nodes, int cols, int block)
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(kind), nodes, null, new Random(1)));
        bool[] active = [.. Enumerable.Range(0, nodes).Select(i => i % 4 != 1)];
        w.Rebuild(active);
        StackedMatrix expected = RandomStack(nodes, cols, seed: 3);
        StackedMatrix actual = Copy(expected);
        var buffer = new float[nodes * block];

        Gossip.Mix(w, expected, new StackedMatrix(nodes, cols), active);
        for (int from = 0; from < cols; from += block)
        {
            Gossip.MixColumns(w, actual, active, from, Math.Min(cols, from + block), buffer);
        }

        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void MixColumns_InactiveRow_Untouched()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(1)));
        bool[] active = [true, false, true, true];
        w.Rebuild(active);
        StackedMatrix x = RandomStack(4, 9, seed: 5);
        float[] before = x.ReadRow(1).ToArray();

        Gossip.MixColumns(w, x, active, 0, 9, new float[36]);

        Assert.Equal(before, x.ReadRow(1).ToArray());
    }

    [Fact]
    public void MixColumns_ShortBuffer_ThrowsNamingSizes()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(1)));
        var x = new StackedMatrix(4, 10);

        var ex = Assert.Throws<ArgumentException>(() => Gossip.MixColumns(w, x, [true, true, true, true], 2, 10, new float[31]));

        Assert.StartsWith("buffer holds 31 floats; 4 rows x 8 columns need 32.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixColumns_RangePastEnd_Throws()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(1)));
        var x = new StackedMatrix(4, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => Gossip.MixColumns(w, x, [true, true, true, true], 0, 11, new float[44]));
    }
}
