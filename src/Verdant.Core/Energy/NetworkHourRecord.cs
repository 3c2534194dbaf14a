namespace Verdant.Core.Energy;

/// <summary>
/// One hour of network energy: all from the grid (no site's renewables or battery serve it); the intensity is the
/// energy-weighted mean over the grids at both ends of the messages sent that hour, and carbon = energy x intensity.
/// </summary>
public sealed record NetworkHourRecord(DateTimeOffset HourUtc, double EnergyKwh, double IntensityGPerKwh, double CarbonKg);
