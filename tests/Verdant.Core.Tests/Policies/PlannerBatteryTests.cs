using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class PlannerBatteryTests
{
    // One site, two 500 W units, 3 kW of surplus in the first slot only, coal grid (900 g/kWh) afterwards; six unit-slots
    // of work over six slots, no time reward: two units run on the surplus in slot 0, four unit-slots are left for later.
    private static (int[]? Counts, bool Optimal, double Objective) Solve(BatterySpec? battery)
        => PlannerSolver.SolveInteger(Problem(battery));

    private static PlannerProblem Problem(BatterySpec? battery)
    {
        var site = new Site("a", 2, PolicyFixtures.Gpu, 1.25, new SiteEnergySpec(new GeoPoint(0, 0), 0, 0, "FR") { Battery = battery });
        var forecast = new PlannerPolicyTests.HourlyForecast((_, h) => h < 1.5 ? 3000 : 0, (_, _) => 900);
        var context = new PolicyContext(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), [site],
            [new UnitView(0, 0, 1e14, 500, 100), new UnitView(1, 0, 1e14, 500, 100)], forecast, ProgressSignals.Initial, new Random(1))
        {
            DeadlineUtc = new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.Zero),
        };
        return new PlannerProblem(PlannerSlots.Build(context, 24), 1, 2, 6, new long[6], 5);
    }

    [Theory]
    [InlineData(false, 4 * 500 * 900)]
    [InlineData(true, (2000 - 1800) * 900)]
    public void Relaxation_SameBatteryBalanceAsCpSat(bool withBattery, double expected)
    {
        (_, double objective) = PlannerRelaxation.SolveWithObjective(Problem(withBattery ? new BatterySpec(10, 5, 5, 0.9, 0, 0) : null));

        Assert.Equal(expected, objective, 3);
    }

    [Fact]
    public void SolveInteger_NoBattery_LaterWorkDrawsTheGrid()
    {
        (int[]? counts, bool optimal, double objective) = Solve(null);

        Assert.True(optimal);
        Assert.Equal([2], counts!);
        Assert.Equal(4 * 500 * 900, objective);
    }

    [Fact]
    public void SolveInteger_Battery_StoresSlotZeroSurplusForLaterSlots()
    {
        // 2 kW left over in slot 0 charges 2000 Wh x 0.9 = 1800 Wh, which covers 1800 of the 2000 Wh needed later.
        (int[]? counts, bool optimal, double objective) = Solve(new BatterySpec(10, 5, 5, 0.9, 0, 0));

        Assert.True(optimal);
        Assert.Equal([2], counts!);
        Assert.Equal((2000 - 1800) * 900, objective);
    }

    [Fact]
    public void SolveInteger_Battery_NeverChargesFromTheGrid()
    {
        // With no surplus at all, a battery cannot lower the grid draw: same objective as without one.
        var site = new Site("a", 2, PolicyFixtures.Gpu, 1.25, new SiteEnergySpec(new GeoPoint(0, 0), 0, 0, "FR")
        {
            Battery = new BatterySpec(10, 5, 5, 0.9, 0, 0),
        });
        var forecast = new PlannerPolicyTests.HourlyForecast((_, _) => 0, (_, h) => h < 1 ? 100 : 900);
        var context = new PolicyContext(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), [site],
            [new UnitView(0, 0, 1e14, 500, 100), new UnitView(1, 0, 1e14, 500, 100)], forecast, ProgressSignals.Initial, new Random(1))
        {
            DeadlineUtc = new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.Zero),
        };

        (_, _, double objective) = PlannerSolver.SolveInteger(new PlannerProblem(PlannerSlots.Build(context, 24), 1, 2, 6, new long[6], 5));

        // Cheapest without storage: 2 unit-slots at 100 g/kWh in slot 0, 4 at 900 later.
        Assert.Equal((2 * 500 * 100) + (4 * 500 * 900), objective);
    }
}
