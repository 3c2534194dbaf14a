using System.Globalization;
using Verdant.Core.Energy.Import;

namespace Verdant.Cli.Scenarios;

internal static partial class ScenarioLoader
{
    private static readonly Dictionary<string, SeriesLayout> Layouts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = SeriesLayout.Auto,
        ["generic"] = SeriesLayout.Generic,
        ["electricity-maps"] = SeriesLayout.ElectricityMaps,
        ["watttime"] = SeriesLayout.WattTime,
        ["lets-wait-awhile"] = SeriesLayout.LetsWaitAwhile,
        ["marginal-zone"] = SeriesLayout.MarginalZone,
        ["vessim-solar"] = SeriesLayout.VessimSolar,
        ["irradiance"] = SeriesLayout.Irradiance,
    };

    private static readonly Dictionary<string, SeriesUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gCO2eq/kWh"] = SeriesUnit.GramsCo2PerKwh,
        ["gCO2/kWh"] = SeriesUnit.GramsCo2PerKwh,
        ["lbs/MWh"] = SeriesUnit.PoundsCo2PerMwh,
        ["W/m2"] = SeriesUnit.WattsPerSquareMetre,
        ["kW"] = SeriesUnit.Kilowatts,
        ["W"] = SeriesUnit.Watts,
        ["m/s"] = SeriesUnit.MetresPerSecond,
        ["fraction"] = SeriesUnit.Fraction,
    };

    private static readonly Dictionary<string, IntensityBasis> Bases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["direct"] = IntensityBasis.Direct,
        ["life-cycle"] = IntensityBasis.LifeCycle,
    };

    private static readonly Dictionary<string, SeriesRepeat> Repeats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = SeriesRepeat.None,
        ["daily"] = SeriesRepeat.Daily,
        ["weekly"] = SeriesRepeat.Weekly,
    };

    /// <summary>Reads <c>series.&lt;slot&gt;</c> (null when absent) without opening the file.</summary>
    private static SeriesSource? ReadSeriesSource(YamlMap series, string slot, LoadContext context)
    {
        if (series.Map(slot) is not { } map)
        {
            return null;
        }

        string file = map.RequiredString("file");
        var options = new SeriesImportOptions
        {
            Layout = Choice(map, "layout", Layouts, "auto"),
            TimeColumn = map.String("time_column"),
            ValueColumn = map.String("value_column"),
            Unit = map.Has("unit") ? Choice(map, "unit", Units, null) : null,
            Basis = map.Has("basis") ? Choice(map, "basis", Bases, null) : null,
            Repeat = Choice(map, "repeat", Repeats, "none"),
            MaxGap = TimeSpan.FromHours(map.Double("max_gap_hours", SeriesImportOptions.DefaultMaxGap.TotalHours, 0, 24 * 365)),
            TimeOriginUtc = ReadTimeOrigin(map),
        };
        map.RejectUnknownKeys();
        return new SeriesSource(slot, map.Path, file, context.Resolve(file), options);
    }

    private static DateTimeOffset? ReadTimeOrigin(YamlMap map)
    {
        string? text = map.String("time_origin");
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset origin)
            ? origin.ToUniversalTime()
            : throw new ScenarioException($"{map.Source}: {map.Sub("time_origin")}: must be an ISO 8601 time such as 2026-06-01T00:00:00Z, got '{text}'");
    }

    /// <summary>One <c>series</c> entry: the slot (grid, solar, wind, load), its YAML path, the file as written and resolved, the import options.</summary>
    private sealed record SeriesSource(string Slot, string Path, string File, string FullPath, SeriesImportOptions Options);
}
