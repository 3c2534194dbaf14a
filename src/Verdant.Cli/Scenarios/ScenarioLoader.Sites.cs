using Verdant.Core.Energy;
using Verdant.Core.Policies;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Scenarios;

internal static partial class ScenarioLoader
{
    private static List<Site> ReadSites(YamlMap root, LoadContext context)
    {
        IReadOnlyList<YamlNode> nodes = root.List("sites");
        if (nodes.Count == 0)
        {
            throw new ScenarioException($"{root.Source}: sites: at least one site is required");
        }

        var sites = new List<Site>(nodes.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < nodes.Count; i++)
        {
            YamlMap map = YamlMap.From(nodes[i], $"sites[{i}]", root.Source);
            Site site = ReadSite(map, context);
            if (!names.Add(site.Name))
            {
                throw new ScenarioException($"{root.Source}: sites[{i}].name: '{site.Name}' is used by another site");
            }

            sites.Add(site);
        }

        if (sites.Sum(s => s.Units) < 1)
        {
            throw new ScenarioException($"{root.Source}: sites: no site has any unit");
        }

        return sites;
    }

    private static Site ReadSite(YamlMap map, LoadContext context)
    {
        string name = map.RequiredString("name");
        var location = new GeoPoint(map.RequiredDouble("lat", -90, 90), map.RequiredDouble("lon", -180, 180));
        int units = map.Int("units", 1, 0, 100_000);
        HardwareProfile hardware = ReadHardware(map);
        hardware = hardware with
        {
            WakeEnergyJ = map.Double("wake_energy_j", hardware.WakeEnergyJ, 0, 1e9),
            BootS = map.Double("boot_s", hardware.BootS, 0, 86400),
        };
        double pue = map.Double("pue", 1.2, 1, 5);
        double? egress = map.Has("egress_gbps") ? map.Double("egress_gbps", 0, 1e-6, 1e6) * 1e9 : null;
        var energy = new SiteEnergySpec(location, map.Double("solar_kwp", 0, 0, 1e7), map.Double("wind_kw", 0, 0, 1e7),
            ReadCountry(map))
        {
            Battery = map.Map("battery") is { } battery ? ReadBattery(battery) : null,
        };
        energy = ReadSiteSeries(map, energy, context);
        map.RejectUnknownKeys();
        return new Site(name, units, hardware, pue, energy) { EgressBitsPerS = egress };
    }

    private static HardwareProfile ReadHardware(YamlMap map)
    {
        string name = map.RequiredString("hardware");
        if (HardwareCatalog.TryGet(name, out HardwareProfile profile))
        {
            return profile;
        }

        string hint = NameSuggestion.Hint(HardwareCatalog.All.Keys, name);
        throw new ScenarioException($"{map.Source}: {map.Sub("hardware")}: unknown hardware '{name}'{hint}; known: {string.Join(", ", HardwareCatalog.All.Keys)}");
    }

    private static string ReadCountry(YamlMap map)
    {
        string code = map.String("country", "FR")!.ToUpperInvariant();
        if (GridProfiles.All.ContainsKey(code))
        {
            return code;
        }

        // Two-letter codes are all within edit distance 2 of each other, so no "did you mean" except the common UK slip.
        string hint = code == "UK" ? " (the ISO 3166-1 code of the United Kingdom is 'GB')" : string.Empty;
        throw new ScenarioException(
            $"{map.Source}: {map.Sub("country")}: unknown grid country '{code}'{hint}; known: {string.Join(", ", GridProfiles.KnownCodes)}");
    }

    private static BatterySpec ReadBattery(YamlMap map)
    {
        var battery = new BatterySpec(map.RequiredDouble("capacity_kwh", 0), map.RequiredDouble("charge_kw", 0),
            map.RequiredDouble("discharge_kw", 0), map.Double("efficiency", 0.9, 0.01, 1), map.Double("min_soc", 0.1, 0, 1),
            map.Has("initial_soc") ? map.Double("initial_soc", 0, 0, 1) : null);
        if (battery.InitialSocFraction < battery.MinSocFraction)
        {
            throw new ScenarioException($"{map.Source}: {map.Sub("initial_soc")}: must not be below min_soc ({battery.MinSocFraction})");
        }

        map.RejectUnknownKeys();
        return battery;
    }
}
