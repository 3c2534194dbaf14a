using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class RoundAccountingTests
{
    private static (RoundAccounting Accounts, Fleet Fleet, NetworkModel Network, Scenario Scenario) Books(InactivePower inactive)
    {
        Scenario scenario = TestScenarios.Small("all") with { Inactive = inactive };
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        SiteSupply[] supplies = [.. scenario.Sites.Select(s => SupplyBuilder.Build(s.Energy, scenario.StartUtc, 48, new Random(3)))];
        return (new RoundAccounting(scenario, fleet, network, supplies), fleet, network, scenario);
    }

    [Theory]
    [InlineData(InactivePower.Off)]
    [InlineData(InactivePower.Idle)]
    public void ChargeInactive_ActiveUnitThatDoesNotTrain_DrawsIdlePower(InactivePower inactive)
    {
        (RoundAccounting accounts, Fleet fleet, _, Scenario scenario) = Books(inactive);
        bool[] active = [true, true, false, false, false, false, false, false];
        bool[] training = [true, false, false, false, false, false, false, false];

        RoundEnergy e = accounts.ChargeInactive(scenario.StartUtc, 3600, active, training);

        // Unit 1 is on but does not train; the six left out draw idle only when kept idle.
        double unit = fleet.PowerAt(0).IdleKwh(3600);
        double leftOut = inactive == InactivePower.Idle
            ? Enumerable.Range(2, 6).Sum(i => fleet.PowerAt(fleet.SiteOf(i)).IdleKwh(3600))
            : 0;
        Assert.Equal(unit + leftOut, e.IdleKwh, 12);
        Assert.Equal(e.IdleKwh, e.RenewableKwh + e.BatteryKwh + e.GridKwh, 12);
    }

    [Fact]
    public void ChargeDownload_ThreeSources_OneCopyFromEachSplitWithThatSource()
    {
        (RoundAccounting accounts, _, NetworkModel network, Scenario scenario) = Books(InactivePower.Off);
        long message = (long)scenario.Workload.MessageBytes;

        long bytes = accounts.ChargeDownload(scenario.StartUtc, 0, [2, 4, 6]);

        RoundEnergy pending = accounts.TakePending()!.Value;
        Assert.Equal(3 * message, bytes);
        Assert.Equal(3 * message, pending.BytesSent);
        Assert.Equal(3 * network.EnergyKwh(message), pending.NetworkKwh, 12);
        Assert.Equal(pending.NetworkKwh, accounts.Ledger.Totals.NetworkKwh, 12);
    }
}
