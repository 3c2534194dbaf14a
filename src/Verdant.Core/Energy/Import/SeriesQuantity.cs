namespace Verdant.Core.Energy.Import;

/// <summary>The physical quantity an imported series holds.</summary>
public enum SeriesQuantity
{
    /// <summary>Average grid carbon intensity (gCO2eq/kWh).</summary>
    CarbonIntensityAverage,

    /// <summary>Marginal grid carbon intensity (gCO2eq/kWh).</summary>
    CarbonIntensityMarginal,

    /// <summary>Global horizontal irradiance (W/m2).</summary>
    Irradiance,

    /// <summary>PV or wind capacity factor (fraction 0..1).</summary>
    CapacityFactor,

    /// <summary>Electric power (W).</summary>
    Power,

    /// <summary>Wind speed (m/s).</summary>
    WindSpeed,
}
