using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class MixingMatrixScheduleTests
{
    [Theory]
    [InlineData(TopologyKind.Torus, 64, 0.0)]
    [InlineData(TopologyKind.Torus, 64, 0.4)]
    [InlineData(TopologyKind.Exponential, 100, 0.3)]
    [InlineData(TopologyKind.Ring, 7, 0.5)]
    [InlineData(TopologyKind.ErdosRenyi, 40, 0.2)]
    [InlineData(TopologyKind.Complete, 12, 0.6)]
    public void Schedule_AfterRebuild_MatchesTheReadersOfTheDenseMatrix(TopologyKind kind, int nodes, double inactiveShare)
    {
        var random = new Random(nodes);
        var w = new MixingMatrix(Topology.Build(new TopologySpec(kind), nodes, null, random));
        bool[] active = [.. Enumerable.Range(0, nodes).Select(_ => random.NextDouble() >= inactiveShare)];
        active[0] = true;

        w.Rebuild(active);

        double[,] dense = w.ToDense();
        int[] activeRows = [.. Enumerable.Range(0, nodes).Where(j => active[j])];
        foreach (int j in activeRows)
        {
            int[] readers = [.. activeRows.Where(i => i == j || dense[i, j] != 0)];
            Assert.Equal(readers.Min(), w.FirstReader(j));
            Assert.Equal(readers.Max(), w.LastReader(j));
        }

        Assert.Equal(activeRows.OrderBy(w.FirstReader).ThenBy(j => j), w.RowsByFirstReader.ToArray());
        Assert.Equal(activeRows.OrderBy(w.LastReader).ThenBy(j => j), w.RowsByLastReader.ToArray());
        Assert.Equal(active, w.ActiveMask.ToArray());
    }

    [Fact]
    public void MixColumns_MaskOtherThanTheRebuiltOne_ThrowsNamingActive()
    {
        var w = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Ring), 4, null, new Random(1)));
        w.Rebuild([true, true, false, true]);
        var x = new Verdant.Core.Numerics.StackedMatrix(4, 8);

        var ex = Assert.Throws<ArgumentException>(() => Gossip.MixColumns(w, x, [true, true, true, true], 0, 8, new float[32]));

        Assert.Equal("active", ex.ParamName);
        Assert.StartsWith("active differs from the mask the mixing matrix was last rebuilt for.", ex.Message, StringComparison.Ordinal);
    }
}
