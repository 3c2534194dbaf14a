namespace Verdant.Core.Energy;

/// <summary>
/// What a site has for energy: on-site PV (kWp) and wind (rated kW), the grid's country (for synthetic intensity), and
/// optional imported series that replace the synthetic ones, a background load, and a battery.
/// </summary>
public sealed record SiteEnergySpec(GeoPoint Location, double SolarKwp, double WindKw, string GridCountry)
{
    /// <summary>Imported grid carbon intensity (gCO2eq/kWh), replacing the synthetic country profile.</summary>
    public TimeSeries? GridIntensity { get; init; }

    /// <summary>Imported PV capacity factor (0..1), replacing clear-sky times clouds.</summary>
    public TimeSeries? SolarCapacityFactor { get; init; }

    /// <summary>Imported hub-height wind speed (m/s), replacing the synthetic process.</summary>
    public TimeSeries? WindSpeedMs { get; init; }

    /// <summary>Other load on the site (W) that renewables serve before training.</summary>
    public TimeSeries? BackgroundLoadW { get; init; }

    /// <summary>Optional battery.</summary>
    public BatterySpec? Battery { get; init; }
}
