using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class SimulationMeterTests
{
    [Fact]
    public void Run_WithMeter_RoundsTakeMeasuredDurationAndEnergy()
    {
        Scenario scenario = TestScenarios.Small("all", rounds: 6);
        var meter = new RecordingMeter(durationS: 250, siteComputeKwh: 0.01, siteIdleKwh: 0.002);

        SimulationResult result = Run(scenario, meter);

        Assert.Equal(6, result.Rounds.Count);
        Assert.All(result.Rounds, r => Assert.Equal(250, r.DurationS));
        Assert.All(result.Rounds, r => Assert.Equal(0.04, r.ComputeKwh, 12));
        Assert.All(result.Rounds, r => Assert.Equal(0.008, r.IdleKwh, 12));
        Assert.Equal(result.Rounds.Select(r => r.StartUtc), meter.RoundStarts);
        Assert.Equal(scenario.StartUtc.AddSeconds(5 * 250), result.Rounds[^1].StartUtc);
    }

    [Fact]
    public void Run_NothingTrainsAtNight_MeterWaitsForEachEpochBoundary()
    {
        // Renewable-only at a solar-only site at 22:00 has no surplus until the sun is up: the loop waits, epoch by epoch, on the meter.
        Scenario small = TestScenarios.Small("renewable-only", rounds: 3);
        Scenario scenario = small with { StartUtc = new DateTimeOffset(2026, 6, 21, 22, 0, 0, TimeSpan.Zero), Sites = [small.Sites[0]] };
        var meter = new RecordingMeter(durationS: 60, siteComputeKwh: 0, siteIdleKwh: 0);

        SimulationResult result = Run(scenario, meter);

        Assert.NotEmpty(meter.Waits);
        Assert.Equal(Enumerable.Range(1, meter.Waits.Count).Select(h => scenario.StartUtc.AddHours(h)), meter.Waits);
        Assert.Equal(meter.Waits[^1], result.Rounds[0].StartUtc);
    }

    private static SimulationResult Run(Scenario scenario, IRoundMeter meter)
    {
        (var train, var test) = TestScenarios.Data();
        using var simulation = new Verdant.Core.Simulation.Simulation(scenario, train, test, new ManagedGemm(), workers: 1) { Meter = meter };
        return simulation.Run();
    }

    private sealed class RecordingMeter(double durationS, double siteComputeKwh, double siteIdleKwh) : IRoundMeter
    {
        public List<DateTimeOffset> RoundStarts { get; } = [];

        public List<DateTimeOffset> Waits { get; } = [];

        public void AfterRound(DateTimeOffset startUtc, RoundCost cost, ReadOnlySpan<bool> training)
        {
            RoundStarts.Add(startUtc);
            double[] compute = [.. cost.SiteComputeKwh.Select(_ => siteComputeKwh)];
            double[] idle = [.. cost.SiteIdleKwh.Select(_ => siteIdleKwh)];
            cost.ReplaceMeasured(durationS, compute, idle);
        }

        public void WaitUntil(DateTimeOffset nextUtc, CancellationToken cancellationToken) => Waits.Add(nextUtc);
    }
}
