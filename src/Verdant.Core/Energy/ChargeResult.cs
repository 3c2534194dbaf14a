namespace Verdant.Core.Energy;

/// <summary>How one charge was served: from renewables, battery discharge, or the grid, and the grid's carbon (g CO2eq).</summary>
public sealed record ChargeResult(double RenewableKwh, double BatteryKwh, double GridKwh, double CarbonG);
