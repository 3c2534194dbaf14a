using System.Text;

namespace Verdant.Core.Energy.Import;

/// <summary>Imports an energy series (carbon intensity, irradiance, capacity factor, power, wind) from a CSV stream.</summary>
/// <remarks>Layouts, units, resampling and gap rules are described in docs/series-import.md.</remarks>
public static class SeriesImporter
{
    /// <summary>Rows kept on either side of the target: the longest accepted native step (31 days) plus one day.</summary>
    private static readonly TimeSpan WindowMargin = TimeSpan.FromDays(32);

    /// <summary>A file with more rows than this, most of them outside the window, is worth a warning.</summary>
    private const long LargeFileRows = 100_000;

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
        var warnings = new List<string>();
        (long, long)? window = Window(options);
        RawSamples raw = SampleReader.Read(table, plan, window, out long total);
        if (window is not null && total > LargeFileRows && raw.Ticks.Length * 10L < total)
        {
            warnings.Add($"{sourceName}: read {total} rows but only {raw.Ticks.Length} fall within the run's horizon and " +
                $"{WindowMargin.TotalDays:0} days either side; a file cut to the period it needs imports faster");
        }

        if (raw.Ticks.Length == 0)
        {
            throw new SeriesFormatException(sourceName, null, null,
                $"none of its {total} rows falls within {WindowMargin.TotalDays:0} days of the run's horizon ({SeriesTimestamp.Format(options.Target!.StartUtc)} to {SeriesTimestamp.Format(options.Target.EndUtc)})");
        }

        long step = GapFiller.NativeStepTicks(raw, sourceName);
        SeriesGrid grid = options.Target ?? NativeGrid(raw, step);
        bool everywhere = options.Repeat != SeriesRepeat.None;
        RawSamples filled = GapFiller.Fill(raw, step, options.MaxGap,
            everywhere ? long.MinValue : grid.StartUtc.UtcTicks, everywhere ? long.MaxValue : grid.EndUtc.UtcTicks, sourceName, warnings);
        PiecewiseSeries series = SeriesCoverage.Cover(PiecewiseSeries.FromSamples(filled, step), grid, options.Repeat, sourceName, warnings);
        double[] values = SeriesResampler.Resample(series, grid, step, plan.Kind);
        var result = new TimeSeries(grid.StartUtc, grid.Step, values);
        return new ImportedSeries(result, plan.Kind, SeriesUnits.CanonicalSymbol(plan.Unit), warnings);
    }

    /// <summary>
    /// The rows worth keeping: with a target and no repeat, those within <see cref="WindowMargin"/> of it (the longest
    /// accepted native step, so the sample holding at the target's start and its neighbours are kept). With a repeat
    /// the whole file is kept, since the tiled period is the file's last day or week, wherever it lies.
    /// </summary>
    private static (long From, long To)? Window(SeriesImportOptions options)
    {
        if (options.Target is not { } target || options.Repeat != SeriesRepeat.None)
        {
            return null;
        }

        long margin = WindowMargin.Ticks;
        long from = target.StartUtc.UtcTicks;
        long to = target.EndUtc.UtcTicks;
        return (from > DateTime.MinValue.Ticks + margin ? from - margin : DateTime.MinValue.Ticks,
            to < DateTime.MaxValue.Ticks - margin ? to + margin : DateTime.MaxValue.Ticks);
    }

    private static SeriesGrid NativeGrid(RawSamples raw, long step)
    {
        long start = raw.Ticks[0];
        long end = raw.Ticks[^1] + step;
        return new SeriesGrid(new DateTimeOffset(start, TimeSpan.Zero), TimeSpan.FromTicks(step), (int)((end - start) / step));
    }
}
