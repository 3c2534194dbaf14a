using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class EnergyLedgerPropertyTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ledger_RandomScenario_KeepsAccountingInvariants(int seed)
    {
        var random = new Random(seed);
        int hours = random.Next(4, 30);
        SiteSupply[] supplies = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomSupply(random, hours))];
        var ledger = new EnergyLedger(supplies, T0);
        double served = 0, carbonFromResults = 0;
        foreach ((int site, double startH, double durationS, double kwh, EnergyUse use) in RandomCharges(random, supplies.Length, hours))
        {
            ChargeResult r = use == EnergyUse.Network
                ? ledger.ChargeNetwork(site, T0.AddHours(startH), durationS, kwh)
                : ledger.Charge(site, T0.AddHours(startH), durationS, kwh, use);
            Assert.True(use != EnergyUse.Network || r.GridKwh == kwh);
            Assert.Equal(kwh, r.RenewableKwh + r.BatteryKwh + r.GridKwh, Tolerance * Math.Max(1, kwh));
            served += kwh;
            carbonFromResults += r.CarbonG;
        }

        ledger.Close(T0.AddHours(hours));
        IReadOnlyList<SiteHourRecord> rows = ledger.Rows();
        Assert.Equal(supplies.Length * hours, rows.Count);
        foreach (SiteHourRecord row in rows)
        {
            AssertRow(row, supplies[row.Site].Battery);
        }

        EnergyTotals totals = ledger.Totals;
        AssertClose(served, totals.TotalKwh);
        IReadOnlyList<NetworkHourRecord> network = ledger.NetworkRows();
        Assert.Equal(hours, network.Count);
        AssertClose(rows.Sum(r => r.DemandKwh) + network.Sum(r => r.EnergyKwh), totals.TotalKwh);
        AssertClose(network.Sum(r => r.EnergyKwh), totals.NetworkKwh);
        AssertClose(rows.Sum(r => r.RenewableUsedKwh), totals.RenewableKwh);
        AssertClose(rows.Sum(r => r.BatteryDischargeKwh), totals.BatteryKwh);
        AssertClose(rows.Sum(r => r.GridKwh) + totals.NetworkKwh, totals.GridKwh);
        AssertClose(totals.RenewableKwh + totals.BatteryKwh + totals.GridKwh, totals.TotalKwh);
        AssertClose(totals.ComputeKwh + totals.NetworkKwh + totals.IdleKwh + totals.WakeKwh, totals.TotalKwh);
        AssertClose((rows.Sum(r => r.GridKwh * r.IntensityGPerKwh) / 1000) + network.Sum(r => r.CarbonKg), totals.CarbonKg);
        AssertClose(totals.CarbonKgByUse.TotalKg, totals.CarbonKg);
        AssertClose(carbonFromResults / 1000, totals.CarbonKg);
    }

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    private static void AssertRow(SiteHourRecord row, BatterySpec? battery)
    {
        double scale = Math.Max(1, row.DemandKwh + row.RenewableAvailableKwh);
        Assert.Equal(row.DemandKwh, row.RenewableUsedKwh + row.BatteryDischargeKwh + row.GridKwh, Tolerance * scale);
        Assert.True(row.RenewableUsedKwh + row.BatteryChargeKwh <= row.RenewableAvailableKwh + (Tolerance * scale));
        Assert.True(row.RenewableUsedKwh <= row.RenewableAvailableKwh + (Tolerance * scale));
        Assert.True(row.GridKwh >= -Tolerance && row.RenewableUsedKwh >= 0 && row.BatteryDischargeKwh >= 0);
        Assert.Equal(row.GridKwh * row.IntensityGPerKwh / 1000, row.CarbonKg, 12);
        if (battery is null)
        {
            Assert.Equal(0, row.BatteryChargeKwh + row.BatteryDischargeKwh);
            return;
        }

        Assert.InRange(row.BatterySocKwh, (battery.MinSocFraction * battery.CapacityKwh) - Tolerance, battery.CapacityKwh + Tolerance);
        Assert.True(row.BatteryChargeKwh <= battery.MaxChargeKw + Tolerance);
        Assert.True(row.BatteryDischargeKwh <= battery.MaxDischargeKw + Tolerance);
    }

    private static void AssertClose(double expected, double actual)
        => Assert.Equal(expected, actual, Tolerance * Math.Max(1, Math.Abs(expected)));

    private static SiteSupply RandomSupply(Random random, int hours)
    {
        double[] renewable = [.. Enumerable.Range(0, hours).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 5000)];
        double[] background = [.. Enumerable.Range(0, hours).Select(_ => random.NextDouble() * 1500)];
        double[] intensity = [.. Enumerable.Range(0, hours).Select(_ => 10 + (random.NextDouble() * 800))];
        BatterySpec? battery = random.NextDouble() < 0.3 ? null : RandomBattery(random);
        var step = TimeSpan.FromHours(1);
        return new SiteSupply(new TimeSeries(T0, step, renewable), new TimeSeries(T0, step, background),
            new TimeSeries(T0, step, intensity), battery);
    }

    private static BatterySpec RandomBattery(Random random)
    {
        double min = random.NextDouble() * 0.3;
        return new BatterySpec(1 + (random.NextDouble() * 9), 0.5 + (random.NextDouble() * 4), 0.5 + (random.NextDouble() * 4),
            0.8 + (random.NextDouble() * 0.2), min, min + (random.NextDouble() * (1 - min)));
    }

    private static List<(int Site, double StartH, double DurationS, double Kwh, EnergyUse Use)> RandomCharges(
        Random random, int sites, int hours)
    {
        double[] clock = new double[sites];
        var charges = new List<(int Site, double StartH, double DurationS, double Kwh, EnergyUse Use)>();
        for (int i = 0; i < 60; i++)
        {
            int site = random.Next(sites);
            double start = clock[site] + (random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 1.5);
            double durationH = random.NextDouble() < 0.15 ? 0 : random.NextDouble() * 3;
            if (start + durationH >= hours)
            {
                continue;
            }

            clock[site] = start;
            charges.Add((site, start, durationH * 3600, random.NextDouble() * 4, (EnergyUse)random.Next(4)));
        }

        return charges;
    }
}
