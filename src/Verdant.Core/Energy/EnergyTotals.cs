namespace Verdant.Core.Energy;

/// <summary>Ledger totals in kWh and kg CO2eq; Total = Renewable + Battery + Grid = Compute + Network + Idle + Wake.</summary>
public sealed record EnergyTotals(double TotalKwh, double RenewableKwh, double BatteryKwh, double GridKwh,
    double ComputeKwh, double NetworkKwh, double IdleKwh, double WakeKwh, double CarbonKg);
