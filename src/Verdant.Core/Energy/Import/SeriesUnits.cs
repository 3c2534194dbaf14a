namespace Verdant.Core.Energy.Import;

/// <summary>Unit symbols, conversions to the canonical units, and the quantity each unit measures.</summary>
internal static class SeriesUnits
{
    /// <summary>WattTime API v2 reports lbs/MWh; 1 lb = 0.45359237 kg exactly (international avoirdupois pound, 1959).</summary>
    public const double GramsPerKwhPerPoundPerMwh = 453.59237 / 1000.0;

    /// <summary>Symbol of the canonical unit the values are converted to.</summary>
    public static string CanonicalSymbol(SeriesUnit unit) => unit switch
    {
        SeriesUnit.GramsCo2PerKwh or SeriesUnit.PoundsCo2PerMwh => "gCO2eq/kWh",
        SeriesUnit.WattsPerSquareMetre => "W/m2",
        SeriesUnit.Kilowatts or SeriesUnit.Watts => "W",
        SeriesUnit.MetresPerSecond => "m/s",
        _ => "fraction",
    };

    /// <summary>Factor from the declared unit to the canonical one.</summary>
    public static double ToCanonical(SeriesUnit unit) => unit switch
    {
        SeriesUnit.PoundsCo2PerMwh => GramsPerKwhPerPoundPerMwh,
        SeriesUnit.Kilowatts => 1000.0,
        _ => 1.0,
    };

    /// <summary>The quantity a unit measures when the caller does not say (gCO2eq/kWh defaults to average intensity).</summary>
    public static SeriesQuantity DefaultQuantity(SeriesUnit unit) => unit switch
    {
        SeriesUnit.GramsCo2PerKwh or SeriesUnit.PoundsCo2PerMwh => SeriesQuantity.CarbonIntensityAverage,
        SeriesUnit.WattsPerSquareMetre => SeriesQuantity.Irradiance,
        SeriesUnit.Kilowatts or SeriesUnit.Watts => SeriesQuantity.Power,
        SeriesUnit.MetresPerSecond => SeriesQuantity.WindSpeed,
        _ => SeriesQuantity.CapacityFactor,
    };

    /// <summary>True when <paramref name="unit"/> can measure <paramref name="quantity"/>.</summary>
    public static bool Measures(SeriesUnit unit, SeriesQuantity quantity)
    {
        SeriesQuantity implied = DefaultQuantity(unit);
        return implied == quantity
            || (implied == SeriesQuantity.CarbonIntensityAverage && quantity == SeriesQuantity.CarbonIntensityMarginal);
    }
}
