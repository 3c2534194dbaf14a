namespace Verdant.Core.Energy;

/// <summary>Ledger totals in kWh and kg CO2eq; Total = Renewable + Battery + Grid = Compute + Network + Idle + Wake.</summary>
public sealed record EnergyTotals(double TotalKwh, double RenewableKwh, double BatteryKwh, double GridKwh,
    double ComputeKwh, double NetworkKwh, double IdleKwh, double WakeKwh, double CarbonKg)
{
    /// <summary>Carbon split by what the energy was spent on; its parts add up to <see cref="CarbonKg"/>.</summary>
    public CarbonByUse CarbonKgByUse { get; init; } = new(0, 0, 0, 0);
}
