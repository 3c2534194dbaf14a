using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class CarbonScalerPolicyTests
{
    [Fact]
    public void CarbonScaler_SunnySiteAndCoalSiteAtNoon_SchedulesOnSunnySite()
    {
        PolicyContext context = PlannerPolicyTests.Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 48);

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal([true, true, true, false, false, false], allocation.Active);
    }

    [Fact]
    public void CarbonScaler_DeadlineTooTight_ReportsShortfallAndRunsEverything()
    {
        PolicyContext context = PlannerPolicyTests.Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]),
            deadlineHours: 1, target: null, remainingRounds: 1000);

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions()).Decide(context);

        Assert.StartsWith("deadline too tight: short by 5784 node-rounds; 6 units now", allocation.Reason, StringComparison.Ordinal);
        Assert.Equal(6, allocation.ActiveCount);
    }

    [Theory]
    [InlineData(24, 0)]
    [InlineData(2, 2)]
    public void CarbonScaler_CleanerSlotLater_DefersWhenDeadlineAllows(double deadlineHours, int expectedNow)
    {
        // Dirty grid for six hours, clean after; 100 rounds of 2 units = 200 node-rounds, 72 per unit-hour.
        var forecast = new PlannerPolicyTests.HourlyForecast((_, _) => 0, (_, h) => h < 6 ? 800 : 50);
        PolicyContext context = PlannerPolicyTests.Planning(PolicyFixtures.Context([2], [0], [0]), deadlineHours,
            target: null, remainingRounds: 100, forecast: forecast);

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal(expectedNow, allocation.ActiveCount);
    }

    [Fact]
    public void CarbonScaler_DeadlineTenDaysAhead_PlansToTheDeadlineNotThreeDays()
    {
        // Dirty grid for the first 100 hours, clean after; the 72-hour cap used to see only the dirty part and run now.
        var forecast = new PlannerPolicyTests.HourlyForecast((_, _) => 0, (_, h) => h < 100 ? 800 : 50);
        PolicyContext context = PlannerPolicyTests.Planning(PolicyFixtures.Context([2], [0], [0]), 240,
            target: null, remainingRounds: 100, forecast: forecast);

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal(0, allocation.ActiveCount);
        Assert.Contains("over 240 h", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CarbonScaler_TargetAlreadyReached_RunsNothing()
    {
        PolicyContext c = PolicyFixtures.Context([2], [0], [100]);
        var context = new PolicyContext(c.NowUtc, c.Epoch, c.Sites, c.Units, c.Forecast, c.Progress, c.Random)
        {
            TargetAccuracy = 0.8,
            History = [new ProgressPoint(1, 10, 20, 0.81, 0.5)],
        };

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal(0, allocation.ActiveCount);
        Assert.Equal("target reached: nothing left to plan", allocation.Reason);
    }

    private static PolicyContext WithHistory(PolicyContext c, params ProgressPoint[] history)
        => new(c.NowUtc, c.Epoch, c.Sites, c.Units, c.Forecast, c.Progress, c.Random)
        {
            DeadlineUtc = c.DeadlineUtc,
            TargetAccuracy = c.TargetAccuracy,
            RemainingRounds = c.RemainingRounds,
            BatchSize = c.BatchSize,
            History = history,
        };

    [Fact]
    public void CarbonScaler_KnownJobLength_PlansTheLengthLessTheWorkDone()
    {
        PolicyContext context = WithHistory(PlannerPolicyTests.Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]),
            deadlineHours: 48), new ProgressPoint(1, 10, 60, 0.5, 1));

        Allocation allocation = new CarbonScalerPolicy(new PolicyOptions { CarbonScalerJobNodeRounds = 1000 }).Decide(context);

        Assert.Contains("of 940 node-rounds", allocation.Reason, StringComparison.Ordinal);
        Assert.Contains("known job length", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CarbonScaler_LaterFitPromisesLessWork_TotalEstimateDoesNotShrink()
    {
        PolicyContext start = PlannerPolicyTests.Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 720);
        var policy = new CarbonScalerPolicy(new PolicyOptions());

        Allocation first = policy.Decide(start);
        // A curve that fits a plateau well above the target: the fit alone would say about 650 node-rounds in all.
        Allocation second = policy.Decide(WithHistory(start, new ProgressPoint(1, 17, 100, 0.80, 1),
            new ProgressPoint(2, 33, 200, 0.85, 1), new ProgressPoint(3, 50, 300, 0.87, 1)));

        Assert.Contains("of 3000 node-rounds", first.Reason, StringComparison.Ordinal);
        Assert.Contains("of 2700 node-rounds", second.Reason, StringComparison.Ordinal);
    }
}
