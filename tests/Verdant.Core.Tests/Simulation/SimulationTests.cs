using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;
using Sim = Verdant.Core.Simulation.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class SimulationTests
{
    private static SimulationResult Run(Scenario scenario)
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        using var simulation = new Sim(scenario, train, test, new ManagedGemm(), workers: 2);
        return simulation.Run();
    }

    [Fact]
    public void Run_RenewableOnly_NoComputeCarbonButNetworkCarbonFromTheGrid()
    {
        SimulationResult result = Run(TestScenarios.Small("renewable-only"));

        Assert.Equal(40, result.Rounds.Count);
        Assert.Equal(0, result.Energy.CarbonKgByUse.ComputeKg);
        Assert.True(result.Energy.CarbonKgByUse.NetworkKg > 0);
        Assert.Equal(result.Energy.NetworkKwh, result.Energy.GridKwh, 12);
        Assert.True(result.Energy.RenewableKwh > 0);
    }

    [Fact]
    public void Run_GreenestK_EmitsLessThanAllForSameRounds()
    {
        SimulationResult all = Run(TestScenarios.Small("all"));
        SimulationResult greenest = Run(TestScenarios.Small("greenest-k"));

        Assert.True(greenest.Energy.CarbonKg < all.Energy.CarbonKg, $"{greenest.Energy.CarbonKg} >= {all.Energy.CarbonKg}");
    }

    [Fact]
    public void Run_SameSeed_SameRecords()
    {
        SimulationResult a = Run(TestScenarios.Small("greenest-k", seed: 9));
        SimulationResult b = Run(TestScenarios.Small("greenest-k", seed: 9));

        Assert.Equal(a.Rounds, b.Rounds);
        Assert.Equal(a.EnergyRows, b.EnergyRows);
        Assert.Equal(a.Final, b.Final);
    }

    [Fact]
    public void Run_LedgerTotals_EqualSumOfRoundsAndRows()
    {
        SimulationResult r = Run(TestScenarios.Small("all"));

        double roundsGrid = r.Rounds.Sum(x => x.GridKwh);
        double roundsRenewable = r.Rounds.Sum(x => x.RenewableKwh);
        Assert.Equal(r.Energy.GridKwh, roundsGrid, 9);
        Assert.Equal(r.Energy.RenewableKwh, roundsRenewable, 9);
        Assert.Equal(r.Energy.GridKwh, r.EnergyRows.Sum(x => x.GridKwh) + r.NetworkRows.Sum(x => x.EnergyKwh), 9);
        Assert.Equal(r.Energy.CarbonKg, r.EnergyRows.Sum(x => x.CarbonKg) + r.NetworkRows.Sum(x => x.CarbonKg), 9);
        Assert.Equal(r.Energy.TotalKwh, r.EnergyRows.Sum(x => x.DemandKwh) + r.NetworkRows.Sum(x => x.EnergyKwh), 9);
        Assert.Equal(r.Energy.NetworkKwh, r.Rounds.Sum(x => x.NetworkKwh), 9);
        Assert.Equal(r.Energy.NetworkKwh, r.NetworkRows.Sum(x => x.EnergyKwh), 9);
        Assert.Equal(r.Energy.CarbonKg, r.Energy.CarbonKgByUse.TotalKg, 9);
        Assert.All(r.EnergyRows, row => Assert.True(row.RenewableUsedKwh <= row.RenewableAvailableKwh + 1e-12));
    }

    [Fact]
    public void Run_All_ComputeEnergyMatchesFlopsOverSpeedTimesPower()
    {
        Scenario scenario = TestScenarios.Small("all", rounds: 10);
        SimulationResult r = Run(scenario);

        double seconds = scenario.Workload.FlopsPerStep / TestScenarios.Gpu.SustainedFlops;
        double expected = 10 * 2 * seconds * TestScenarios.Gpu.BusyPowerW * (1.2 + 1.1 + 1.2 + 1.5) / UnitPower.JoulesPerKwh;
        Assert.Equal(expected, r.Energy.ComputeKwh, 9);
        Assert.Equal(80, r.NodeRounds);
        Assert.All(r.Rounds, x => Assert.True(x.DurationS >= seconds));
    }

    [Fact]
    public void Run_All_ClockAdvancesBySumOfRoundDurations()
    {
        SimulationResult r = Run(TestScenarios.Small("all", rounds: 12));

        Assert.Equal(r.Rounds.Sum(x => x.DurationS) / 3600, r.SimulatedHours, 6);
    }

    [Fact]
    public void Run_InactiveKeptIdle_ChargesIdleWattsOfLeftOutUnits()
    {
        Scenario off = TestScenarios.Small("greenest-k", rounds: 10);
        Scenario idle = off with { Inactive = InactivePower.Idle };

        SimulationResult a = Run(off);
        SimulationResult b = Run(idle);

        // Five of eight units sit out every round: 5 units x idle W x PUE x duration, over the same rounds and durations.
        Assert.Equal(a.Rounds.Select(r => r.DurationS), b.Rounds.Select(r => r.DurationS));
        Assert.True(b.Energy.IdleKwh > a.Energy.IdleKwh);
        Assert.Equal(0, b.Energy.WakeKwh);
        Assert.Equal(b.Energy.TotalKwh, b.Rounds.Sum(r => r.RenewableKwh + r.BatteryKwh + r.GridKwh), 9);
    }

    [Fact]
    public void Run_AutoDeadlineWithJitter_ShorterRoundsAndSomeUnitsLeftOut()
    {
        Scenario wait = TestScenarios.Small("all", rounds: 30) with
        {
            Workload = new WorkloadSpec(3e16, 2e8) { StepTimeJitter = 0.4 },
        };
        Scenario auto = wait with { Deadline = RoundDeadline.Auto };

        SimulationResult a = Run(wait);
        SimulationResult b = Run(auto);

        Assert.All(a.Rounds, r => Assert.Equal(r.ActiveUnits, r.OnTimeUnits));
        Assert.Contains(b.Rounds, r => r.OnTimeUnits < r.ActiveUnits);
        Assert.True(b.SimulatedHours < a.SimulatedHours, $"{b.SimulatedHours} >= {a.SimulatedHours}");
        Assert.Equal(b.Rounds, Run(auto).Rounds);
    }

    [Fact]
    public void Run_EgressCap_LengthensRoundsNotEnergy()
    {
        Scenario open = TestScenarios.Small("all", rounds: 5) with { Topology = new Verdant.Core.Consensus.TopologySpec(Verdant.Core.Consensus.TopologyKind.Complete) };
        Scenario capped = open with { Sites = [.. open.Sites.Select((s, i) => i == 0 ? s with { EgressBitsPerS = 1e8 } : s)] };

        SimulationResult a = Run(open);
        SimulationResult b = Run(capped);

        // Site 0's two units send 7 copies each of 2e8 bytes through 0.1 Gbit/s: 14 x 1.6e9 bit / 1e8 = 224 s of
        // serialization instead of 7 x 1.6e9 / 1e9 = 11.2 s at the link bandwidth.
        Assert.All(a.Rounds.Zip(b.Rounds), p => Assert.Equal(p.First.DurationS + 224 - 11.2, p.Second.DurationS, 6));
        Assert.Equal(a.BytesSent, b.BytesSent);
    }

    [Fact]
    public void Run_TargetReadsValidationNotTest()
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        // A test set whose labels are shifted by one class: no model trained on the training data scores well on it.
        var scrambled = new Dataset(test.Features, [.. test.Labels.Select(l => (byte)((l + 1) % test.ClassCount))],
            test.FeatureCount, test.ClassCount);
        Scenario scenario = TestScenarios.Small("all", rounds: 30) with { ValidationExamples = 100 };
        using var simulation = new Sim(scenario, train, scrambled, new ManagedGemm(), workers: 2);

        SimulationResult r = simulation.Run();

        Assert.NotNull(r.TimeToTargetHours);
        Assert.True(r.Final.ValidationAccuracy >= 0.5, $"validation {r.Final.ValidationAccuracy}");
        Assert.True(r.Final.TestAccuracy < 0.5, $"test {r.Final.TestAccuracy}");
        Assert.Contains(r.Rounds, x => x.ValidationAccuracy >= 0.5);
    }

    [Fact]
    public void Run_FewUnitsTrain_ReportedModelIsParticipantsAverage()
    {
        SimulationResult r = Run(TestScenarios.Small("greenest-k", rounds: 30) with { Policy = new PolicyOptions(k: 2) });

        Assert.InRange(r.Final.Participants, 2, 7);
        // Never-trained nodes hold the initial model: counting them inflates the distance the deployed model is judged by.
        Assert.True(r.Final.ConsensusDistanceAll > r.Final.ConsensusDistance,
            $"all {r.Final.ConsensusDistanceAll} <= participants {r.Final.ConsensusDistance}");
        Assert.InRange(r.Final.LocalAccuracy.Min, 0, r.Final.LocalAccuracy.P10);
        Assert.InRange(r.Final.LocalAccuracy.P10, r.Final.LocalAccuracy.Min, r.Final.LocalAccuracy.Mean);
    }

    [Fact]
    public void RoundTimeModel_AllUnits_EqualsTheSimulatedRoundDuration()
    {
        Scenario scenario = TestScenarios.Small("all", rounds: 3);
        SimulationResult r = Run(scenario);
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        var model = new SimulatedRoundTime(scenario, fleet, network, (_, _) => 0);

        double seconds = model.RoundSeconds(Enumerable.Repeat(true, fleet.Count).ToArray());

        Assert.All(r.Rounds, x => Assert.Equal(x.DurationS, seconds, 9));
    }

    [Fact]
    public void Run_FedZero_TrainsOnExcessOnlySoNoSiteEnergyFromGridOrBattery()
    {
        SimulationResult r = Run(TestScenarios.Small("fedzero", rounds: 40) with { Policy = new PolicyOptions(k: 3) { FedZeroUnits = 2 } });

        Assert.True(r.Rounds.Count > 0);
        Assert.Equal(0, r.EnergyRows.Sum(x => x.GridKwh), 12);
        Assert.Equal(0, r.Energy.BatteryKwh, 12);
        Assert.Equal(0, r.Energy.CarbonKgByUse.ComputeKg + r.Energy.CarbonKgByUse.IdleKg);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("greenest-k")]
    public void Run_EvaluatesAtFirstRoundEndAfterEachNodeRoundMark(string policy)
    {
        SimulationResult r = Run(TestScenarios.Small(policy, rounds: 30) with { EvaluateEveryNodeRounds = 16 });

        long done = 0;
        var expected = new List<bool>();
        foreach (RoundRecord round in r.Rounds)
        {
            expected.Add((done + round.OnTimeUnits) / 16 > done / 16);
            done += round.OnTimeUnits;
        }

        Assert.Equal(expected, r.Rounds.Select(x => !double.IsNaN(x.ValidationAccuracy)));
    }

    [Fact]
    public void Run_Evaluation_GathersEveryOtherParticipantsModelAsNetworkBytes()
    {
        Scenario scenario = TestScenarios.Small("all", rounds: 10) with { EvaluateEveryNodeRounds = 16 };
        SimulationResult r = Run(scenario);

        // Ring of 8: 16 copies a round; an evaluation every 2 rounds gathers 7 copies at the evaluator; the last round's
        // evaluation already gathered the deployed model.
        long message = (long)scenario.Workload.MessageBytes;
        Assert.Equal((10 * 16 * message) + (5 * 7 * message), r.BytesSent);
        Assert.Equal(new NetworkModel(scenario.Network).EnergyKwh(r.BytesSent), r.Energy.NetworkKwh, 9);
        Assert.Equal(r.BytesSent, r.Rounds.Sum(x => x.BytesSent));
    }

    [Theory]
    [InlineData("greenest-k", InactivePower.Idle, 0.0)]
    [InlineData("greenest-k", InactivePower.Off, 3.6e5)]
    [InlineData("renewable-only", InactivePower.Idle, 0.0)]
    public void Run_ChurningPolicy_EachRoundsUsesEqualItsSourcesAndRowsSumToTotals(string policy, InactivePower inactive, double wakeJ)
    {
        Scenario small = TestScenarios.Small(policy, rounds: 60);
        HardwareProfile gpu = TestScenarios.Gpu with { WakeEnergyJ = wakeJ };
        // Half-hour epochs so the chosen units change often (wake-ups, rejoin downloads, epochs where nothing trains).
        Scenario scenario = small with
        {
            Inactive = inactive,
            Sites = [.. small.Sites.Select(s => s with { Hardware = gpu })],
            Policy = new PolicyOptions(k: 3, epochMinutes: 30),
        };

        SimulationResult r = Run(scenario);

        Assert.All(r.Rounds, x => Assert.Equal(x.ComputeKwh + x.IdleKwh + x.NetworkKwh + x.WakeKwh,
            x.RenewableKwh + x.BatteryKwh + x.GridKwh, 9));
        Assert.Equal(r.Energy.ComputeKwh, r.Rounds.Sum(x => x.ComputeKwh), 9);
        Assert.Equal(r.Energy.IdleKwh, r.Rounds.Sum(x => x.IdleKwh), 9);
        Assert.Equal(r.Energy.NetworkKwh, r.Rounds.Sum(x => x.NetworkKwh), 9);
        Assert.Equal(r.Energy.WakeKwh, r.Rounds.Sum(x => x.WakeKwh), 9);
        Assert.Equal(r.Energy.TotalKwh, r.Rounds.Sum(x => x.RenewableKwh + x.BatteryKwh + x.GridKwh), 9);
        Assert.Equal(r.Energy.CarbonKg, r.Rounds.Sum(x => x.CarbonG) / 1000, 9);
        Assert.Equal(r.BytesSent, r.Rounds.Sum(x => x.BytesSent));
        Assert.True(inactive == InactivePower.Idle ? r.Energy.IdleKwh > 0 : r.Energy.WakeKwh > 0);
    }

    [Fact]
    public void Run_WokenUnits_FirstRoundFinishesBootSecondsLaterAtNoExtraEnergy()
    {
        Scenario quick = TestScenarios.Small("all", rounds: 4);
        Scenario booting = quick with
        {
            Sites = [.. quick.Sites.Select(s => s with { Hardware = TestScenarios.Gpu with { BootS = 120 } })],
        };

        SimulationResult a = Run(quick);
        SimulationResult b = Run(booting);

        // Every unit is switched on at the first decision; booting is the wake-up energy, so no round energy is added.
        Assert.Equal(a.Rounds[0].DurationS + 120, b.Rounds[0].DurationS, 9);
        Assert.All(a.Rounds.Zip(b.Rounds).Skip(1), p => Assert.Equal(p.First.DurationS, p.Second.DurationS, 9));
        Assert.Equal(a.Energy.ComputeKwh, b.Energy.ComputeKwh, 12);
        Assert.Equal(a.Energy.IdleKwh, b.Energy.IdleKwh, 12);
    }

    [Fact]
    public void RoundTimeModel_UnitsSwitchedOff_AddTheirBootSeconds()
    {
        Scenario quick = TestScenarios.Small("all", rounds: 1);
        Scenario scenario = quick with
        {
            Sites = [.. quick.Sites.Select(s => s with { Hardware = TestScenarios.Gpu with { BootS = 90 } })],
        };
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        bool[] on = new bool[fleet.Count];
        var model = new SimulatedRoundTime(scenario, fleet, network, (_, _) => 0, on);
        bool[] all = [.. Enumerable.Repeat(true, fleet.Count)];

        double cold = model.RoundSeconds(all);
        Array.Fill(on, true);
        double warm = model.RoundSeconds(all);

        Assert.Equal(warm + 90, cold, 9);
    }

    [Fact]
    public void Run_WorkloadNotFromModel_RepresentedJobParametersImpliedByMessageBytes()
    {
        SimulationResult r = Run(TestScenarios.Small("all", rounds: 2));

        Assert.Equal(50_000_000, r.RepresentedJob!.Parameters);
        Assert.True(r.RepresentedJob.ParametersImplied);
        Assert.False(r.TrainedModel!.ParametersImplied);
    }
}
