using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class BatchSamplerTests
{
    private static readonly int[] Shard = [3, 8, 10, 11, 20, 21, 30, 31, 40, 41, 50, 99];

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(25)]
    public void Next_AnyBatchSize_VisitsEveryIndexOncePerEpoch(int batchSize)
    {
        var sampler = new BatchSampler(Shard, new Random(9));
        int epochs = 5;
        var drawn = new List<int>();
        var batch = new int[batchSize];
        while (drawn.Count < epochs * Shard.Length)
        {
            sampler.Next(batch);
            drawn.AddRange(batch);
        }

        for (int e = 0; e < epochs; e++)
        {
            Assert.Equal(Shard, drawn.Skip(e * Shard.Length).Take(Shard.Length).Order());
        }
    }

    [Fact]
    public void Next_SeveralEpochs_ReshufflesTheOrder()
    {
        var sampler = new BatchSampler(Shard, new Random(2));
        var first = new int[Shard.Length];
        var second = new int[Shard.Length];

        sampler.Next(first);
        sampler.Next(second);

        Assert.NotEqual(first, second);
        Assert.Equal(1, sampler.CompletedEpochs);
    }

    [Fact]
    public void Next_SameSeed_SameStream()
    {
        var a = new BatchSampler(Shard, new Random(11));
        var b = new BatchSampler(Shard, new Random(11));
        var batchA = new int[7];
        var batchB = new int[7];
        for (int i = 0; i < 10; i++)
        {
            a.Next(batchA);
            b.Next(batchB);
            Assert.Equal(batchA, batchB);
        }
    }

    [Fact]
    public void Next_Warm_AllocatesNothing()
    {
        var sampler = new BatchSampler(Shard, new Random(1));
        var batch = new int[5];
        sampler.Next(batch);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sampler.Next(batch);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Constructor_EmptyShard_Throws()
        => Assert.Throws<ArgumentException>(() => new BatchSampler([], new Random(1)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(17)]
    public void Restore_StateOfAnother_DrawsTheSameBatchesAfterward(int batchesBefore)
    {
        var original = new BatchSampler(Shard, new Random(5));
        var batch = new int[5];
        for (int b = 0; b < batchesBefore; b++)
        {
            original.Next(batch);
        }

        var restored = new BatchSampler(Shard, new Random(5));
        restored.Restore(original.CompletedEpochs, original.Position);
        var expected = new int[40];
        var actual = new int[40];
        original.Next(expected);
        restored.Next(actual);

        Assert.Equal(expected, actual);
        Assert.Equal(original.CompletedEpochs, restored.CompletedEpochs);
    }

    [Fact]
    public void Restore_AfterDrawing_Throws()
    {
        var sampler = new BatchSampler(Shard, new Random(5));
        sampler.Next(new int[2]);

        Assert.Throws<InvalidOperationException>(() => sampler.Restore(0, 0));
    }

    [Fact]
    public void Restore_PositionPastShard_Throws()
    {
        var sampler = new BatchSampler(Shard, new Random(5));

        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Restore(0, Shard.Length + 1));
    }
}
