namespace Verdant.Core.Energy;

/// <summary>
/// What a site has for energy: on-site PV (kWp) and wind (rated kW), the grid's country (for synthetic intensity), and
/// optional imported series that replace the synthetic ones, a background load, and a battery.
/// </summary>
/// <remarks>
/// <see cref="GridIntensityLabel"/> says which carbon intensity the grid series is (average or marginal, direct or
/// life-cycle), because carbon savings computed with one kind do not carry over to another. Synthetic profiles use
/// Ember 2023 life-cycle annual means (see <see cref="GridProfiles"/> and docs/energy-model.md).
/// </remarks>
public sealed record SiteEnergySpec(GeoPoint Location, double SolarKwp, double WindKw, string GridCountry)
{
    /// <summary>The label of the synthetic country profiles (<see cref="GridProfiles"/>): Ember 2023 life-cycle means.</summary>
    public const string SyntheticGridLabel = "carbon-intensity-average/life-cycle (synthetic, Ember 2023)";

    /// <summary>
    /// Which carbon intensity the grid series is, for summaries: <see cref="SyntheticGridLabel"/> unless an imported series
    /// says otherwise (then its <c>SeriesKind.Label</c>, e.g. <c>carbon-intensity-marginal</c>).
    /// </summary>
    public string GridIntensityLabel { get; init; } = SyntheticGridLabel;

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
