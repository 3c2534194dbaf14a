namespace Verdant.Core.Energy.Import;

/// <summary>Unit of the values in a file, as declared by the caller or implied by the layout.</summary>
public enum SeriesUnit
{
    /// <summary>Grams CO2-equivalent per kilowatt-hour (gCO2eq/kWh).</summary>
    GramsCo2PerKwh,

    /// <summary>Pounds CO2 per megawatt-hour (WattTime API v2); converted to gCO2eq/kWh on import.</summary>
    PoundsCo2PerMwh,

    /// <summary>Watts per square metre (irradiance).</summary>
    WattsPerSquareMetre,

    /// <summary>Kilowatts; converted to watts on import.</summary>
    Kilowatts,

    /// <summary>Watts.</summary>
    Watts,

    /// <summary>Metres per second (wind speed).</summary>
    MetresPerSecond,

    /// <summary>Dimensionless fraction (capacity factor, 0..1).</summary>
    Fraction,
}
