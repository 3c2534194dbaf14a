using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class BlockClaimsTests
{
    [Fact]
    public void TryClaim_TwoWorkers_EvenFromTheFrontOddFromTheBackUntilTheEndsMeet()
    {
        var claims = new BlockClaims();
        claims.Reset(5);
        var handed = new List<(int Worker, int Block)>();

        foreach (int worker in new[] { 0, 1, 0, 1, 0, 1, 0 })
        {
            if (claims.TryClaim(worker, out int block))
            {
                handed.Add((worker, block));
            }
        }

        Assert.Equal([(0, 0), (1, 4), (0, 1), (1, 3), (0, 2)], handed);
        Assert.False(claims.TryClaim(0, out int none));
        Assert.Equal(-1, none);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(7, 3)]
    [InlineData(1000, 2)]
    [InlineData(1000, 4)]
    public void TryClaim_ManyThreads_EveryBlockExactlyOnce_AndAgainAfterReset(int count, int workers)
    {
        var claims = new BlockClaims();
        using var pool = new WorkerPool(workers);
        for (int pass = 0; pass < 3; pass++)
        {
            int[] times = new int[count];
            claims.Reset(count);

            pool.Run(worker =>
            {
                while (claims.TryClaim(worker, out int block))
                {
                    Interlocked.Increment(ref times[block]);
                }
            });

            Assert.All(times, t => Assert.Equal(1, t));
        }
    }

    [Fact]
    public void ResetAndTryClaim_Negative_ThrowNamingTheArgument()
    {
        var claims = new BlockClaims();

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => claims.Reset(-1)).ParamName);
        Assert.Equal("worker", Assert.Throws<ArgumentOutOfRangeException>(() => claims.TryClaim(-1, out _)).ParamName);
    }
}
