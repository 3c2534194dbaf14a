namespace Verdant.Core.Energy;

/// <summary>
/// One site-hour of the ledger. Invariants: Demand = RenewableUsed + BatteryDischarge + Grid, and
/// RenewableUsed + BatteryCharge &lt;= RenewableAvailable (both in kWh); carbon = Grid x intensity.
/// </summary>
public sealed record SiteHourRecord(int Site, DateTimeOffset HourUtc, double DemandKwh, double RenewableAvailableKwh,
    double RenewableUsedKwh, double GridKwh, double BatteryChargeKwh, double BatteryDischargeKwh, double BatterySocKwh,
    double IntensityGPerKwh, double CarbonKg);
