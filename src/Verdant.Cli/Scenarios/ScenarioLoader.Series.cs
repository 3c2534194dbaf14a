using System.Globalization;
using Verdant.Core.Energy;
using Verdant.Core.Energy.Import;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Scenarios;

internal static partial class ScenarioLoader
{
    // Simulation builds its supplies for ceil(deadline) + 48 h so that forecasts can look past the deadline
    // (Simulation.ForecastMarginHours, private there); imported series must cover the same horizon.
    private const int SeriesMarginHours = 48;

    private static SeriesGrid SeriesHorizon(DateTimeOffset start, StopRule stop)
        => SeriesGrid.Hourly(start, (int)Math.Ceiling(stop.DeadlineHours) + SeriesMarginHours);

    private static SiteEnergySpec ReadSiteSeries(YamlMap site, SiteEnergySpec energy, LoadContext context)
    {
        if (site.Map("series") is not { } series)
        {
            return energy;
        }

        // Every key is checked before any file is read, so a typo is reported before a slow or failing import.
        SeriesSource? grid = ReadSeriesSource(series, "grid", context);
        SeriesSource? solar = ReadSeriesSource(series, "solar", context);
        SeriesSource? wind = ReadSeriesSource(series, "wind", context);
        SeriesSource? load = ReadSeriesSource(series, "load", context);
        series.RejectUnknownKeys();
        if (grid is not null)
        {
            ImportedSeries imported = Import(grid, context, k => k.IsCarbonIntensity, "a carbon intensity (gCO2eq/kWh)");
            energy = energy with { GridIntensity = imported.Series, GridIntensityLabel = imported.Kind.Label };
        }

        if (solar is not null)
        {
            ImportedSeries imported = Import(solar, context, k => k.Quantity is SeriesQuantity.CapacityFactor or SeriesQuantity.Irradiance,
                "a capacity factor (fraction) or irradiance (W/m2)");
            energy = energy with { SolarCapacityFactor = SolarCapacityFactor(imported) };
        }

        if (wind is not null)
        {
            ImportedSeries imported = Import(wind, context, k => k.Quantity == SeriesQuantity.WindSpeed, "a hub-height wind speed (m/s)");
            energy = energy with { WindSpeedMs = imported.Series };
        }

        if (load is not null)
        {
            ImportedSeries imported = Import(load, context, k => k.Quantity == SeriesQuantity.Power, "a power (kW or W)");
            energy = energy with { BackgroundLoadW = imported.Series };
        }

        return energy;
    }

    /// <summary>
    /// A PV capacity factor from the file: as is, or from GHI through the same <see cref="PvArray"/> (derate, optional NOCT
    /// temperature loss) that the synthetic solar model uses, per kWp: CF = P(GHI) / 1000 W.
    /// </summary>
    private static TimeSeries SolarCapacityFactor(ImportedSeries imported)
    {
        if (imported.Kind.Quantity == SeriesQuantity.CapacityFactor)
        {
            return imported.Series;
        }

        SupplyOptions options = SupplyOptions.Default;
        var perKwp = new PvArray(1, options.PvDerate, options.PvNoctC, ambientC: options.AmbientC);
        double[] factors = [.. imported.Series.Values.Select(ghi => perKwp.PowerW(ghi) / 1000)];
        return new TimeSeries(imported.Series.StartUtc, imported.Series.Step, factors);
    }

    private static ImportedSeries Import(SeriesSource source, LoadContext context, Func<SeriesKind, bool> fits, string expected)
    {
        string where = $"{context.Source}: {source.Path}";
        if (Directory.Exists(source.FullPath))
        {
            throw new ScenarioException($"{where}.file: {source.File} is a directory, not a CSV file");
        }

        if (!File.Exists(source.FullPath))
        {
            throw new ScenarioException($"{where}.file: file not found: {source.File} (looked for {source.FullPath})");
        }

        ImportedSeries imported;
        try
        {
            using FileStream stream = File.OpenRead(source.FullPath);
            if (stream.CanSeek && stream.Length == 0)
            {
                // Devices such as /dev/zero report no length and never end; an empty regular file has nothing to import.
                throw new ScenarioException($"{where}.file: {source.File} is empty or not a regular file");
            }

            imported = SeriesImporter.Import(stream, source.File, source.Options with { Target = context.Horizon });
        }
        catch (SeriesFormatException ex)
        {
            throw new ScenarioException($"{where}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{where}.file: cannot read {source.File}: {ex.Message}", ex);
        }

        if (!fits(imported.Kind))
        {
            throw new ScenarioException(
                $"{where}: {source.File} holds {imported.Kind.Label} ({imported.Unit}); {source.Slot} needs {expected}");
        }

        int negative = imported.Series.Values.ToList().FindIndex(v => v < 0);
        if (negative >= 0)
        {
            string hour = imported.Series.StartUtc.AddHours(negative).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
            string value = imported.Series.Values[negative].ToString(CultureInfo.InvariantCulture);
            throw new ScenarioException($"{where}: {source.File} has a negative value ({value} {imported.Unit}) in the hour from {hour}");
        }

        context.Warnings.AddRange(imported.Warnings.Select(w => $"{where}: {w}"));
        return imported;
    }
}
