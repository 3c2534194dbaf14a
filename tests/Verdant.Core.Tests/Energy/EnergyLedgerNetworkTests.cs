using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public class EnergyLedgerNetworkTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(NetworkCarbon.Endpoints, 100 + 50)]
    [InlineData(NetworkCarbon.FleetMean, 200 + 300)]
    public void ChargeNetwork_PricesAtEndpointOrHourlyFleetMean(NetworkCarbon carbon, double expectedG)
    {
        SiteSupply clean = EnergyLedgerTests.Supply([5000, 5000], [100, 50]);
        SiteSupply dirty = EnergyLedgerTests.Supply([0, 0], [300, 550]);
        var ledger = new EnergyLedger([clean, dirty], T0) { NetworkCarbon = carbon };

        // 1 kWh at the clean site's end in each of two hours; renewables never serve network energy.
        ledger.ChargeNetwork(0, T0, 3600, 1);
        ChargeResult second = ledger.ChargeNetwork(0, T0.AddHours(1), 3600, 1);

        Assert.Equal(1, second.GridKwh);
        Assert.Equal(expectedG, ledger.Totals.CarbonKg * 1000, 9);
    }
}
