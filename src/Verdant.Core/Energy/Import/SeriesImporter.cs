using System.Text;

namespace Verdant.Core.Energy.Import;

/// <summary>Imports an energy series (carbon intensity, irradiance, capacity factor, power, wind) from a CSV stream.</summary>
/// <remarks>Layouts, units, resampling and gap rules are described in docs/series-import.md.</remarks>
public static class SeriesImporter
{
    /// <summary>
    /// Reads <paramref name="stream"/> (UTF-8, BOM allowed) as the layout in <paramref name="options"/>, converts the values
    /// to canonical units, fills short gaps and resamples onto the target grid (or the file's own step when none is given).
    /// </summary>
    /// <param name="stream">The CSV content; left open.</param>
    /// <param name="sourceName">Name of the file, used in every message.</param>
    /// <param name="options">Layout, columns, unit, target grid, gap limit and repeat mode.</param>
    /// <exception cref="SeriesFormatException">The content does not fit the layout, has a long gap, or is too short.</exception>
    public static ImportedSeries Import(Stream stream, string sourceName, SeriesImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        CsvTable table = CsvTable.Read(reader, sourceName);
        SeriesPlan plan = SeriesPlanner.Plan(table, options.Layout, options);
        RawSamples raw = SampleReader.Read(table, plan);
        long step = GapFiller.NativeStepTicks(raw, sourceName);
        SeriesGrid grid = options.Target ?? NativeGrid(raw, step);
        var warnings = new List<string>();
        bool everywhere = options.Repeat != SeriesRepeat.None;
        RawSamples filled = GapFiller.Fill(raw, step, options.MaxGap,
            everywhere ? long.MinValue : grid.StartUtc.UtcTicks, everywhere ? long.MaxValue : grid.EndUtc.UtcTicks, sourceName, warnings);
        PiecewiseSeries series = SeriesCoverage.Cover(PiecewiseSeries.FromSamples(filled, step), grid, options.Repeat, sourceName, warnings);
        double[] values = SeriesResampler.Resample(series, grid, step, plan.Kind);
        var result = new TimeSeries(grid.StartUtc, grid.Step, values);
        return new ImportedSeries(result, plan.Kind, SeriesUnits.CanonicalSymbol(plan.Unit), warnings);
    }

    private static SeriesGrid NativeGrid(RawSamples raw, long step)
    {
        long start = raw.Ticks[0];
        long end = raw.Ticks[^1] + step;
        return new SeriesGrid(new DateTimeOffset(start, TimeSpan.Zero), TimeSpan.FromTicks(step), (int)((end - start) / step));
    }
}
