using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class EnergyLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Charge_StraddlingHours_SplitsInProportion()
    {
        SiteSupply supply = Supply([0, 0, 0], [100, 200, 400]);
        var ledger = new EnergyLedger([supply], T0);

        ChargeResult result = ledger.Charge(0, T0.AddMinutes(30), durationS: 7200, energyKwh: 4, EnergyUse.Compute);
        ledger.Close(T0.AddHours(3));

        double[] demand = [.. ledger.Rows().Select(r => r.DemandKwh)];
        Assert.Equal([1.0, 2.0, 1.0], demand);
        Assert.Equal((1 * 100) + (2 * 200) + (1 * 400), result.CarbonG, 9);
        Assert.Equal(4, result.GridKwh, 12);
    }

    [Fact]
    public void Charge_WithSurplus_UsesRenewableFirstThenGrid()
    {
        var ledger = new EnergyLedger([Supply([1000, 0], [300, 300])], T0);

        ChargeResult result = ledger.Charge(0, T0, 1800, 1.5, EnergyUse.Compute);

        Assert.Equal(new ChargeResult(1, 0, 0.5, 150), result);
        Assert.Equal(0, ledger.RemainingRenewableKwh(0, T0.AddMinutes(59)), 12);
    }

    [Fact]
    public void Battery_ChargedByLeftoverAndDischargedUpToPowerLimit()
    {
        var battery = new BatterySpec(CapacityKwh: 10, MaxChargeKw: 1, MaxDischargeKw: 2, RoundTripEfficiency: 0.81,
            MinSocFraction: 0.1, InitialSocFraction: 0.5);
        var ledger = new EnergyLedger([Supply([2000, 0], [100, 100], battery)], T0);

        ChargeResult result = ledger.Charge(0, T0.AddHours(1), 3600, 3, EnergyUse.Compute);
        ledger.Close(T0.AddHours(2));

        IReadOnlyList<SiteHourRecord> rows = ledger.Rows();
        Assert.Equal(1, rows[0].BatteryChargeKwh, 12);
        Assert.Equal(5 + 0.9, rows[0].BatterySocKwh, 12);
        Assert.Equal(new ChargeResult(0, 2, 1, 100), result);
        Assert.Equal(5.9 - (2 / 0.9), rows[1].BatterySocKwh, 12);
    }

    [Fact]
    public void Battery_ByDefault_StartsAtMinimumSoNothingStoredIsFree()
    {
        var battery = new BatterySpec(CapacityKwh: 10, MaxChargeKw: 1, MaxDischargeKw: 2, MinSocFraction: 0.1);
        var ledger = new EnergyLedger([Supply([0, 0], [100, 100], battery)], T0);

        ChargeResult result = ledger.Charge(0, T0, 3600, 1, EnergyUse.Compute);

        Assert.Equal(new ChargeResult(0, 0, 1, 100), result);
    }

    [Fact]
    public void Charge_OutOfTimeOrder_Throws()
    {
        var ledger = new EnergyLedger([Supply([0, 0], [1, 1])], T0);
        ledger.Charge(0, T0.AddMinutes(40), 60, 1, EnergyUse.Compute);

        var ex = Assert.Throws<InvalidOperationException>(() => ledger.Charge(0, T0.AddMinutes(10), 60, 1, EnergyUse.Compute));
        Assert.Contains("out of time order", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Charge_BeyondHorizon_Throws()
    {
        var ledger = new EnergyLedger([Supply([0, 0], [1, 1])], T0);

        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Charge(0, T0.AddHours(1.5), 3600, 1, EnergyUse.Compute));
    }

    [Fact]
    public void Rows_HoursWithoutDemand_StillListedForEverySite()
    {
        var ledger = new EnergyLedger([Supply([5, 5, 5], [1, 2, 3]), Supply([0, 0, 0], [4, 5, 6])], T0);
        ledger.Charge(1, T0.AddHours(1), 10, 0.1, EnergyUse.Idle);

        ledger.Close(T0.AddHours(2.5));

        Assert.Equal([(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)],
            ledger.Rows().Select(r => (r.Site, (int)(r.HourUtc - T0).TotalHours)));
    }

    [Fact]
    public void ChargeNetwork_AtSunnySiteWithBattery_AllGridAtSiteIntensityAndSurplusUntouched()
    {
        var battery = new BatterySpec(10, 5, 5, 0.9, 0, 1);
        var ledger = new EnergyLedger([Supply([5000, 5000], [200, 300], battery)], T0);

        ChargeResult result = ledger.ChargeNetwork(0, T0.AddMinutes(30), 3600, 2);
        ledger.Close(T0.AddHours(2));

        Assert.Equal(new ChargeResult(0, 0, 2, (1 * 200) + (1 * 300)), result);
        Assert.Equal(5, ledger.RemainingRenewableKwh(0, T0), 12);
        Assert.Equal(0.5, ledger.Totals.CarbonKgByUse.NetworkKg, 12);
        Assert.Equal(0, ledger.Totals.CarbonKgByUse.ComputeKg);
        Assert.Equal([1.0, 1.0], ledger.NetworkRows().Select(r => r.EnergyKwh));
        Assert.All(ledger.Rows(), r => Assert.Equal(0, r.DemandKwh));
    }

    [Fact]
    public void Charge_NetworkUse_ThrowsBecauseNoSiteMeterServesTheNetwork()
    {
        var ledger = new EnergyLedger([Supply([5000], [200])], T0);

        var ex = Assert.Throws<ArgumentException>(() => ledger.Charge(0, T0, 60, 1, EnergyUse.Network));
        Assert.Contains("ChargeNetwork", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_CarbonByUse_AddsUpToCarbon()
    {
        var ledger = new EnergyLedger([Supply([500, 0], [100, 400]), Supply([0, 0], [50, 60])], T0);
        ledger.Charge(0, T0, 3600, 1, EnergyUse.Compute);
        ledger.Charge(0, T0.AddHours(1), 600, 0.3, EnergyUse.Idle);
        ledger.ChargeNetwork(1, T0.AddMinutes(5), 600, 0.2);
        ledger.Charge(1, T0.AddHours(1), 60, 0.1, EnergyUse.Wake);

        EnergyTotals totals = ledger.Totals;

        Assert.Equal(totals.CarbonKg, totals.CarbonKgByUse.TotalKg, 12);
        Assert.Equal(0.5 * 100 / 1000, totals.CarbonKgByUse.ComputeKg, 12);
        Assert.Equal(0.2 * 50 / 1000, totals.CarbonKgByUse.NetworkKg, 12);
    }

    internal static SiteSupply Supply(double[] renewableW, double[] intensity, BatterySpec? battery = null)
    {
        var step = TimeSpan.FromHours(1);
        return new SiteSupply(new TimeSeries(T0, step, renewableW), new TimeSeries(T0, step, new double[renewableW.Length]),
            new TimeSeries(T0, step, intensity), battery);
    }
}
