using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

/// <summary>Small hand-built fleets where the right allocation is known.</summary>
internal static class PolicyFixtures
{
    public static readonly HardwareProfile Gpu = new("test-gpu", 1e14, 400, 50, 0, "test");

    /// <summary>One site per entry of <paramref name="unitsPerSite"/>, each unit drawing 500 W.</summary>
    public static PolicyContext Context(int[] unitsPerSite, double[] surplusW, double[] intensity, int seed = 1)
    {
        var sites = unitsPerSite
            .Select((u, i) => new Site($"s{i}", u, Gpu, 1.25, new SiteEnergySpec(new GeoPoint(i, i), 0, 0, "FR")))
            .ToArray();
        var units = new List<UnitView>();
        for (int s = 0; s < sites.Length; s++)
        {
            for (int u = 0; u < unitsPerSite[s]; u++)
            {
                units.Add(new UnitView(units.Count, s, Gpu.SustainedFlops, 500, 100));
            }
        }

        return new PolicyContext(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), sites, units,
            new FakeForecast(surplusW, intensity), ProgressSignals.Initial, new Random(seed));
    }
}
