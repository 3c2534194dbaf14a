using Microsoft.Extensions.Time.Testing;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Metering;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Metering;

public class WallClockMeterTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Run_HourlyEpochsAt360x_DecidesAtFirstRoundEndPastEachTenWallSeconds()
    {
        // Hourly decisions at 360 simulated s per wall s pass every 10 wall s; rounds take 3 wall s, so the decisions fall
        // on the round ends at 0, 12, 21 and 30 wall s (the first at or after each epoch boundary), i.e. 0, 1.2, 2.1, 3 h.
        Scenario scenario = ClusterScenarios.Small("all", rounds: 12);
        (SimulationResult result, _) = Replay(scenario, timeScale: 360, roundWallS: 3, busyS: 1);

        DateTimeOffset start = scenario.StartUtc;
        Assert.Equal([0, 4, 7, 10], result.Decisions.Select(d => d.Round));
        Assert.Equal([start, start.AddMinutes(72), start.AddMinutes(126), start.AddHours(3)], result.Decisions.Select(d => d.TimeUtc));
        Assert.Equal(12, result.Rounds.Count);
        Assert.All(result.Rounds, r => Assert.Equal(3 * 360, r.DurationS, Tolerance));
        Assert.Equal(start.AddMinutes(216), result.Rounds[^1].StartUtc.AddSeconds(result.Rounds[^1].DurationS));
    }

    [Fact]
    public void Run_NoCounters_ChargesBusyTimesProfilePowerOverReplayedTime()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 5);
        (SimulationResult result, WallClockMeter meter) = Replay(scenario, timeScale: 100, roundWallS: 2, busyS: 0.5);

        // Each unit: 0.5 wall s busy = 50 simulated s at busy W x PUE, the other 150 s of the round at idle W x PUE.
        double pueSum = scenario.Sites.Sum(s => s.Pue);
        double compute = UnitPower.ToKwh(2 * 50 * ClusterScenarios.Gpu.BusyPowerW * pueSum);
        double idle = UnitPower.ToKwh(2 * 150 * ClusterScenarios.Gpu.IdlePowerW * pueSum);
        Assert.All(result.Rounds, r => Assert.Equal(compute, r.ComputeKwh, Tolerance));
        Assert.All(result.Rounds, r => Assert.Equal(idle, r.IdleKwh, Tolerance));
        Assert.All(meter.Sources, s => Assert.Equal((SiteEnergySource.Modelled, FakeTrainer.NoCounters, 5L * 2), (s.Source, s.Reason, s.ModelledUnitRounds)));
    }

    [Fact]
    public void AfterRound_SharedMachine_SplitsWrappedPackageEnergyByBusyTime()
    {
        Scenario scenario = ClusterScenarios.Small("all");
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, scenario.StartUtc, timeScale: 10);
        const long Range = 1_000_000_000;
        // Units 0, 1 (sunny) and 2 (windy) share machine m, whose counter wraps during the round: 900 J -> 100 J is 200 J.
        TrainReply?[] replies =
        [
            Metered(0.5, Reading(10, 900_000_000), Reading(20, 50_000_000)),
            Metered(0.5, Reading(11, 920_000_000), Reading(21, 80_000_000)),
            Metered(1.0, Reading(12, 950_000_000), Reading(25, 100_000_000)),
            new TrainReply(0, 1f, 0, null, 1.0, 1, 0) { EnergyUnavailable = "x" },
            null,
            null,
        ];
        var meter = new WallClockMeter(clock, scenario, () => replies);
        RoundCost cost = CostOf(scenario);
        wall.Advance(TimeSpan.FromSeconds(2));

        meter.AfterRound(scenario.StartUtc, cost, [true, true, true, true, true, true]);

        // 200 J over 2 busy s: 100 J per busy s, x time scale 10, x PUE; unit 3 modelled: 10 s x 400 W x 1.1.
        Assert.Equal(20, cost.DurationS, Tolerance);
        Assert.Equal(UnitPower.ToKwh(100 * 10 * 1.2), cost.SiteComputeKwh[0], Tolerance);
        Assert.Equal(UnitPower.ToKwh((100 * 10 * 1.1) + (10 * 400 * 1.1)), cost.SiteComputeKwh[1], Tolerance);
        Assert.Equal(0, cost.SiteComputeKwh[2]);
        Assert.Equal(UnitPower.ToKwh(2 * 15 * 60 * 1.2), cost.SiteIdleKwh[0], Tolerance);
        Assert.Equal(UnitPower.ToKwh(2 * 10 * 60 * 1.1), cost.SiteIdleKwh[1], Tolerance);
        Assert.Equal(UnitPower.ToKwh(2 * 20 * 60 * 1.5), cost.SiteIdleKwh[2], Tolerance);
        Assert.Equal(
            [("sunny", "rapl", (string?)null), ("windy", "mixed", "x"), ("coal", "modelled", "no unit of the site trained and answered; its idle draw is modelled")],
            meter.Sources.Select(s => (s.Site, s.Source, s.Reason)));

        static EnergyReading Reading(long timestamp, long energyUj) => new("m", timestamp, [energyUj], [Range]);

        static TrainReply Metered(double busyS, EnergyReading before, EnergyReading after)
            => new(0, 1f, 0, null, busyS, 1, 0) { EnergyBefore = before, EnergyAfter = after };
    }

    [Fact]
    public void AfterRound_PastSeriesEnd_CutsAtHorizonAndCounts()
    {
        Scenario scenario = ClusterScenarios.Small("all");
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, scenario.StartUtc, timeScale: 3600 * 200);
        var meter = new WallClockMeter(clock, scenario, () => new TrainReply?[6]);
        RoundCost cost = CostOf(scenario);
        wall.Advance(TimeSpan.FromSeconds(1));

        meter.AfterRound(scenario.StartUtc, cost, new bool[6]);

        double horizonH = Math.Ceiling(scenario.Stop.DeadlineHours) + Simulation.ForecastMarginHours;
        Assert.Equal(horizonH * 3600, cost.DurationS, Tolerance);
        Assert.Equal(1, meter.TruncatedRounds);
    }

    private static RoundCost CostOf(Scenario scenario)
    {
        var network = new NetworkModel(scenario.Network);
        return new RoundCost(scenario, new Fleet(scenario, network), network);
    }

    private static (SimulationResult Result, WallClockMeter Meter) Replay(Scenario scenario, double timeScale, double roundWallS, double busyS)
    {
        var wall = new FakeTimeProvider();
        var clock = new ReplayClock(wall, scenario.StartUtc, timeScale);
        FakeTrainer? trainer = null;
        var meter = new WallClockMeter(clock, scenario, () => trainer!.LastReplies);
        (Dataset train, Dataset test) = ClusterScenarios.Data();
        using var simulation = new Simulation(scenario, train, test, new ManagedGemm(), workers: 1,
            trainerFactory: _ => trainer = new FakeTrainer(wall, scenario.UnitCount, scenario.Model.ParameterCount, roundWallS, busyS))
        {
            Meter = meter,
        };
        clock.Restart();
        return (simulation.Run(), meter);
    }
}
