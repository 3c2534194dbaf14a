using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class PartitionerTests
{
    private static byte[] BalancedLabels(int count, int classes)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(i => (byte)(i % classes)).OrderBy(_ => random.Next()).ToArray();
    }

    [Fact]
    public void Iid_103Over10_DisjointCoveringNearEqual()
    {
        byte[] labels = BalancedLabels(103, 10);

        int[][] parts = Partitioner.Partition(labels, 10, 10, new PartitionSpec(PartitionKind.Iid), new Random(1));

        AssertDisjointCovering(parts, 103);
        Assert.All(parts, p => Assert.InRange(p.Length, 10, 11));
    }

    [Fact]
    public void Shards_TwoPerNode_DisjointCoveringAtMostTwoClassesEach()
    {
        byte[] labels = BalancedLabels(1000, 10);

        int[][] parts = Partitioner.Partition(labels, 10, 10, new PartitionSpec(PartitionKind.Shards, ShardsPerNode: 2),
            new Random(1));

        AssertDisjointCovering(parts, 1000);
        Assert.All(parts, p => Assert.Equal(100, p.Length));
        // 100 examples per class cut into shards of 50: each shard is one label, so a node holds at most two.
        Assert.All(parts, p => Assert.InRange(p.Select(i => labels[i]).Distinct().Count(), 1, 2));
    }

    [Fact]
    public void Dirichlet_AnyAlpha_DisjointCoveringEveryNodeNonEmpty()
    {
        byte[] labels = BalancedLabels(200, 10);

        int[][] parts = Partitioner.Partition(labels, 10, 20, new PartitionSpec(PartitionKind.Dirichlet, Alpha: 0.05),
            new Random(3));

        AssertDisjointCovering(parts, 200);
    }

    [Fact]
    public void Dirichlet_SmallAlpha_MoreSkewedThanLargeAlpha()
    {
        byte[] labels = BalancedLabels(5000, 10);

        double skewed = MeanDistanceFromGlobal(labels, Split(labels, 0.1));
        double mild = MeanDistanceFromGlobal(labels, Split(labels, 100));

        Assert.True(skewed > 0.5, $"alpha 0.1 gave mean total variation {skewed}");
        Assert.True(mild < 0.1, $"alpha 100 gave mean total variation {mild}");
    }

    [Theory]
    [InlineData(PartitionKind.Iid)]
    [InlineData(PartitionKind.Dirichlet)]
    [InlineData(PartitionKind.Shards)]
    public void Partition_SameSeed_SameSplit(PartitionKind kind)
    {
        byte[] labels = BalancedLabels(500, 10);
        var spec = new PartitionSpec(kind);

        int[][] first = Partitioner.Partition(labels, 10, 8, spec, new Random(42));
        int[][] second = Partitioner.Partition(labels, 10, 8, spec, new Random(42));
        int[][] other = Partitioner.Partition(labels, 10, 8, spec, new Random(43));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Partition_MoreNodesThanExamples_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Partitioner.Partition(new byte[3], 2, 4, new PartitionSpec(PartitionKind.Iid), new Random(1)));

        Assert.StartsWith("Cannot give each of 4 nodes an example: there are only 3 examples.", error.Message);
    }

    [Fact]
    public void Dirichlet_NonPositiveAlpha_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Partitioner.Partition(
            new byte[10], 2, 2, new PartitionSpec(PartitionKind.Dirichlet, Alpha: 0), new Random(1)));

        Assert.StartsWith("Dirichlet alpha must be positive and finite, got 0.", error.Message);
    }

    [Fact]
    public void Shards_TooFewExamples_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Partitioner.Partition(
            new byte[10], 2, 4, new PartitionSpec(PartitionKind.Shards, ShardsPerNode: 3), new Random(1)));

        Assert.StartsWith("Cannot cut 10 examples into 4 nodes x 3 non-empty shards.", error.Message);
    }

    private static int[][] Split(byte[] labels, double alpha)
        => Partitioner.Partition(labels, 10, 10, new PartitionSpec(PartitionKind.Dirichlet, alpha), new Random(5));

    /// <summary>Mean over nodes of the total-variation distance between the node's label histogram and the global one.</summary>
    private static double MeanDistanceFromGlobal(byte[] labels, int[][] parts)
    {
        double[] global = Histogram(labels, Enumerable.Range(0, labels.Length));
        return parts.Average(p => 0.5 * Histogram(labels, p).Zip(global, (a, b) => Math.Abs(a - b)).Sum());
    }

    private static double[] Histogram(byte[] labels, IEnumerable<int> indices)
    {
        var counts = new double[10];
        int n = 0;
        foreach (int i in indices)
        {
            counts[labels[i]]++;
            n++;
        }

        return counts.Select(c => c / n).ToArray();
    }

    private static void AssertDisjointCovering(int[][] parts, int count)
    {
        Assert.All(parts, p => Assert.NotEmpty(p));
        int[] all = parts.SelectMany(p => p).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, count), all);
    }
}
