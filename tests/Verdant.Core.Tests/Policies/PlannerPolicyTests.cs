using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class PlannerPolicyTests
{
    [Fact]
    public void Planner_SunnySiteAndCoalSiteAtNoon_SchedulesOnSunnySite()
    {
        // B = 96 examples at b = 32: k = 3, the sunny site's surplus covers all three.
        PolicyContext context = Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 48,
            noiseScale: 96);

        Allocation allocation = new PlannerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal([true, true, true, false, false, false], allocation.Active);
        Assert.Contains("CP-SAT optimal", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_LargeInstance_UsesRoundedRelaxationAndStillPicksSunnySite()
    {
        PolicyContext context = Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 48,
            noiseScale: 96);

        Allocation allocation = new PlannerPolicy(new PolicyOptions { PlannerMaxIntegerCells = 1 }).Decide(context);

        Assert.Equal([true, true, true, false, false, false], allocation.Active);
        Assert.Contains("GLOP relaxation", allocation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_SmallTimeWeight_RunsOnlyFreeUnitsNow()
    {
        PolicyContext context = Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 48);

        Allocation allocation = new PlannerPolicy(new PolicyOptions { PlannerTimeWeight = 0.01 }).Decide(context);

        Assert.Equal([true, true, true, false, false, false], allocation.Active);
    }

    [Fact]
    public void Planner_DeadlineTooTight_ReportsShortfallAndRunsEverything()
    {
        // 1000 rounds x 6 units due within one hour of 36 rounds: 216 node-rounds at most, short by 5784.
        PolicyContext context = Planning(PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]), deadlineHours: 1,
            target: null, remainingRounds: 1000);

        Allocation allocation = new PlannerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal("deadline infeasible: short by 5784 node-rounds; all 6 units now", allocation.Reason);
        Assert.Equal(6, allocation.ActiveCount);
    }

    [Fact]
    public void Planner_NeverExceedsProgressAwareK_WhenDeadlineAllows()
    {
        // B = 64 examples at b = 32 gives k = 2; everything is free, so only k bounds the count.
        PolicyContext context = Planning(PolicyFixtures.Context([4, 4], [9000, 9000], [10, 10]), deadlineHours: 48,
            noiseScale: 64);

        Allocation allocation = new PlannerPolicy(new PolicyOptions()).Decide(context);

        Assert.Equal(2, allocation.ActiveCount);
    }

    [Fact]
    public void Planner_SameInput_SamePlan()
    {
        Allocation a = new PlannerPolicy(new PolicyOptions()).Decide(
            Planning(PolicyFixtures.Context([3, 3, 3], [700, 0, 300], [300, 900, 120]), deadlineHours: 30));
        Allocation b = new PlannerPolicy(new PolicyOptions()).Decide(
            Planning(PolicyFixtures.Context([3, 3, 3], [700, 0, 300], [300, 900, 120]), deadlineHours: 30));

        Assert.Equal(a.Active, b.Active);
        Assert.Equal(a.Reason, b.Reason);
    }

    /// <summary>The fixture's context with a deadline, a target (or none) and an optional forecast and noise scale.</summary>
    internal static PolicyContext Planning(PolicyContext c, double deadlineHours, double? target = 0.9,
        int remainingRounds = int.MaxValue, ISupplyForecast? forecast = null, double noiseScale = double.NaN)
        => new(c.NowUtc, c.Epoch, c.Sites, c.Units, forecast ?? c.Forecast,
            c.Progress with { NoiseScale = noiseScale }, c.Random)
        {
            DeadlineUtc = c.NowUtc + TimeSpan.FromHours(deadlineHours),
            TargetAccuracy = target,
            RemainingRounds = remainingRounds,
            BatchSize = 32,
        };

    /// <summary>A forecast whose values depend on the site and the hours after the fixture's noon start.</summary>
    internal sealed class HourlyForecast(Func<int, double, double> surplusW, Func<int, double, double> intensity) : ISupplyForecast
    {
        private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

        public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
            => surplusW(site, (targetUtc - Start).TotalHours);

        public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
            => intensity(site, (targetUtc - Start).TotalHours);
    }
}
