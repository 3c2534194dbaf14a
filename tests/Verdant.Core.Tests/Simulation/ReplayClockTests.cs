using Microsoft.Extensions.Time.Testing;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class ReplayClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_AfterWallSeconds_IsStartPlusWallTimesScale()
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, Start, timeScale: 360);

        wall.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Start.AddHours(1), clock.Now);
        Assert.Equal(10, clock.WallSeconds);
    }

    [Fact]
    public void Restart_StartsOverFromStart()
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, Start, timeScale: 60);
        wall.Advance(TimeSpan.FromSeconds(5));

        clock.Restart();
        wall.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(Start.AddMinutes(2), clock.Now);
    }

    [Fact]
    public async Task WaitUntilAsync_CompletesWhenWallClockReachesTargetOverScale()
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, Start, timeScale: 3600);

        Task wait = clock.WaitUntilAsync(Start.AddHours(2));
        wall.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(wait.IsCompleted);
        wall.Advance(TimeSpan.FromSeconds(0.5));
        await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Start.AddHours(2), clock.Now);
    }

    [Fact]
    public void WaitUntil_TargetPassed_ReturnsAtOnce()
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, Start, timeScale: 2);
        wall.Advance(TimeSpan.FromSeconds(4));

        clock.WaitUntil(Start.AddSeconds(8));

        Assert.Equal(Start.AddSeconds(8), clock.Now);
    }

    [Fact]
    public void Now_AbsurdScale_SaturatesInsteadOfThrowing()
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, Start, timeScale: 1e300);
        wall.Advance(TimeSpan.FromSeconds(1));

        Assert.True(clock.Now > Start.AddYears(3000));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NonPositiveScale_Throws(double scale)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayClock(new FakeTimeProvider(), Start, scale));
}
