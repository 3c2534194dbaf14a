using System.Collections.Frozen;

namespace Verdant.Core.Energy;

/// <summary>Built-in synthetic grid profiles by ISO 3166-1 alpha-2 country code (case-insensitive).</summary>
/// <remarks>
/// Annual means: Ember Yearly Electricity Data, year 2023, life-cycle emissions (IPCC AR5 factors, gCO2eq/kWh of
/// generation, not consumption), as republished by Our World in Data "Carbon intensity of electricity generation".
/// Daily and seasonal shapes are assumptions (see docs/energy-model.md), not fitted to data.
/// </remarks>
public static class GridProfiles
{
    private const string Ember = "Ember Yearly Electricity Data 2023 (life-cycle, via OWID)";

    private static readonly FrozenDictionary<string, GridProfile> Profiles = new GridProfile[]
    {
        new("FR", 56, 0.20, 12, 0.30, 15, Ember),
        new("DE", 381, 0.15, 11, 0.15, 15, Ember),
        new("GB", 238, 0.15, 3, 0.15, 15, Ember),
        new("ES", 174, 0.25, 12, 0.15, 15, Ember),
        new("SE", 41, 0.10, 2, 0.20, 15, Ember),
        new("NO", 30, 0.05, 2, 0.10, 15, Ember),
        new("PL", 662, 0.08, 11, 0.05, 15, Ember),
        new("US", 369, 0.10, 18, 0.05, 200, Ember),
        new("BR", 98, 0.10, 15, 0.30, 270, Ember),
        new("ZA", 708, 0.03, 10, 0.02, 180, Ember),
        new("IN", 713, 0.08, 7, 0.05, 120, Ember),
        new("AU", 549, 0.20, 2, 0.08, 180, Ember),
        new("JP", 485, 0.10, 3, 0.05, 15, Ember),
        new("SG", 471, 0.02, 5, 0.01, 15, Ember),
        new("CN", 582, 0.08, 5, 0.08, 15, Ember),
        new("CA", 170, 0.08, 8, 0.10, 15, Ember),
    }.ToFrozenDictionary(p => p.CountryCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>All profiles by country code.</summary>
    public static IReadOnlyDictionary<string, GridProfile> All => Profiles;

    /// <summary>Known country codes, sorted.</summary>
    public static IReadOnlyList<string> KnownCodes { get; } = [.. Profiles.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Looks a profile up; throws an <see cref="ArgumentException"/> naming the code and listing the known ones.</summary>
    public static GridProfile Get(string countryCode)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        if (Profiles.TryGetValue(countryCode, out GridProfile? profile))
        {
            return profile;
        }

        throw new ArgumentException(
            $"Unknown grid country '{countryCode}'. Known codes: {string.Join(", ", KnownCodes)}.", nameof(countryCode));
    }
}
