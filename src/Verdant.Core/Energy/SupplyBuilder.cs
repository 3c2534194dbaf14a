namespace Verdant.Core.Energy;

/// <summary>Builds a site's hourly <see cref="SiteSupply"/> from its spec: solar and wind physics with seeded weather, and the grid.</summary>
public static class SupplyBuilder
{
    /// <summary>
    /// Builds <paramref name="hours"/> hourly samples from <paramref name="startUtc"/> (whole hour). Imported series in
    /// the spec replace the synthetic ones; <paramref name="random"/> drives clouds, wind and grid noise.
    /// </summary>
    public static SiteSupply Build(SiteEnergySpec spec, DateTimeOffset startUtc, int hours, Random random)
        => throw new NotImplementedException();
}
