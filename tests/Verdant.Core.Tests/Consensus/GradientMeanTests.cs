using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public sealed class GradientMeanTests
{
    [Fact]
    public void GroupStart_EveryCount_CutsItIntoAtMost64NearlyEqualRunsThatTheMeanHasExactlyRoomFor()
    {
        for (int maxCount = 1; maxCount <= 3000; maxCount += maxCount < 300 ? 1 : 97)
        {
            var mean = new GradientMean(1, maxCount);
            for (int count = 1; count <= maxCount; count += maxCount < 300 ? 1 : 89)
            {
                int groups = GradientMean.GroupCount(count);
                Assert.InRange(groups, 1, Math.Min(64, count));
                Assert.Equal(0, GradientMean.GroupStart(count, 0));
                Assert.Equal(count, GradientMean.GroupStart(count, groups));
                int[] sizes = [.. Enumerable.Range(0, groups).Select(g => GradientMean.GroupStart(count, g + 1) - GradientMean.GroupStart(count, g))];
                Assert.True(sizes.Max() - sizes.Min() <= 1 && sizes.Min() >= 1, $"count {count}: runs of {string.Join(", ", sizes)}");
                Assert.Equal(1, mean.Partial(groups - 1).Length);
            }

            // No partial beyond what the largest count uses: for N <= 64 the partials stay 4 rows, not N.
            Assert.Throws<ArgumentOutOfRangeException>(() => { mean.Partial(GradientMean.GroupCount(maxCount)); });
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(64, 4)]
    [InlineData(65, 8)]
    [InlineData(1024, 64)]
    [InlineData(100_000, 64)]
    public void GroupCount_FourPerStarted64(int count, int groups) => Assert.Equal(groups, GradientMean.GroupCount(count));

    [Fact]
    public void Add_EachPositionOfItsRun_FirstWritesTheOthersAdd()
    {
        // 10 gradients in 4 runs of 3, 3, 2, 2: gradient a is all a + 1, so each partial is the sum of its run's a + 1.
        var mean = new GradientMean(2, 10);
        for (int a = 0; a < 10; a++)
        {
            mean.Add(a, 10, [a + 1f, a + 1f]);
        }

        Assert.Equal([6f, 15f, 15f, 19f], Enumerable.Range(0, 4).Select(g => mean.Partial(g)[1]));
    }

    [Fact]
    public void Columns_ManyGradients_IsTheirMeanToFloatPrecision()
    {
        const int P = 300, Count = 301;
        var random = new Random(7);
        float[][] gradients = Enumerable.Range(0, Count).Select(_ => Enumerable.Range(0, P).Select(_ => (float)random.NextDouble() - 0.3f).ToArray()).ToArray();
        var mean = new GradientMean(P, Count);
        for (int a = 0; a < Count; a++)
        {
            mean.Add(a, Count, gradients[a]);
        }

        var actual = new float[P];
        mean.Columns(Count, 0, P, actual);

        for (int j = 0; j < P; j++)
        {
            double expected = gradients.Average(g => (double)g[j]);
            Assert.Equal(expected, actual[j], 1e-6);
        }
    }

    [Fact]
    public void Columns_BlocksOfColumns_SameBitsAsOnePass()
    {
        const int P = 1000, Count = 37;
        GradientMean mean = Filled(P, Count, Count, new Random(3));
        var whole = new float[P];
        mean.Columns(Count, 0, P, whole);
        var blocks = new float[P];

        foreach (int from in new[] { 0, 256, 512, 768 })
        {
            mean.Columns(Count, from, Math.Min(P, from + 256), blocks.AsSpan(from, Math.Min(P, from + 256) - from));
        }

        Assert.Equal(whole, blocks);
    }

    [Fact]
    public void Columns_AfterARoundWithMoreGradients_DependsOnThisRoundOnly()
    {
        const int P = 50, Max = 300;
        GradientMean reused = Filled(P, Max, Max, new Random(1));
        float[] stale = new float[P];
        reused.Columns(Max, 0, P, stale);
        Fill(reused, P, 9, new Random(2));
        GradientMean fresh = Filled(P, Max, 9, new Random(2));
        var expected = new float[P];
        var actual = new float[P];

        fresh.Columns(9, 0, P, expected);
        reused.Columns(9, 0, P, actual);

        Assert.Equal(expected, actual);
        Assert.NotEqual(stale, actual);
    }

    [Fact]
    public void Add_ThrowsForMismatchedLengths()
    {
        // A short gradient first in its group would otherwise leave the partial's tail from an earlier round.
        var mean = new GradientMean(8, 4);

        var error = Assert.Throws<ArgumentException>(() => mean.Add(0, 4, new float[7]));

        Assert.Equal("gradient", error.ParamName);
    }

    [Fact]
    public void Columns_ThrowsForMismatchedLengths()
    {
        // One group: a longer destination would otherwise keep its tail, a shorter one fail inside the copy.
        var mean = new GradientMean(8, 4);
        mean.Add(0, 1, new float[8]);

        var error = Assert.Throws<ArgumentException>(() => mean.Columns(1, 0, 8, new float[9]));

        Assert.Equal("mean", error.ParamName);
    }

    private static GradientMean Filled(int p, int maxCount, int count, Random random)
    {
        var mean = new GradientMean(p, maxCount);
        Fill(mean, p, count, random);
        return mean;
    }

    private static void Fill(GradientMean mean, int p, int count, Random random)
    {
        for (int a = 0; a < count; a++)
        {
            mean.Add(a, count, Enumerable.Range(0, p).Select(_ => (float)random.NextDouble()).ToArray());
        }
    }
}
