namespace Verdant.Core.Energy;

/// <summary>Physical defaults for <see cref="SupplyBuilder"/> (sources in docs/energy-model.md).</summary>
/// <param name="PvDerate">PV system derate (PVWatts v5 14% losses).</param>
/// <param name="PvNoctC">Module NOCT (deg C) for the temperature loss; null disables it.</param>
/// <param name="AmbientC">Constant ambient temperature for the NOCT model (deg C).</param>
/// <param name="SolarSamplesPerHour">Clear-sky samples averaged per hour, at the centres of equal sub-intervals.</param>
/// <param name="WindWeibullK">Weibull shape of the synthetic wind at the reference height.</param>
/// <param name="WindWeibullScaleMs">Weibull scale (m/s) at the reference height.</param>
/// <param name="WindReferenceHeightM">Height of the synthetic wind statistics (m).</param>
/// <param name="HubHeightM">Turbine hub height (m).</param>
/// <param name="ShearExponent">Power-law exponent for the height extrapolation.</param>
/// <param name="WindHourlyCorrelation">Lag-1 correlation of the latent Gaussian of the wind process.</param>
/// <param name="CutInMs">Turbine cut-in speed (m/s).</param>
/// <param name="RatedMs">Turbine rated speed (m/s).</param>
/// <param name="CutOutMs">Turbine cut-out speed (m/s).</param>
public sealed record SupplyOptions(double PvDerate = 0.86, double? PvNoctC = null, double AmbientC = 20,
    int SolarSamplesPerHour = 4, double WindWeibullK = 2, double WindWeibullScaleMs = 5.5, double WindReferenceHeightM = 10,
    double HubHeightM = 100, double ShearExponent = WindTurbine.DefaultShearExponent, double WindHourlyCorrelation = 0.9,
    double CutInMs = 3, double RatedMs = 12, double CutOutMs = 25)
{
    /// <summary>The documented defaults.</summary>
    public static SupplyOptions Default { get; } = new();
}
