using System.Globalization;

namespace Verdant.Core.Energy.Import;

/// <summary>Reads the planned columns of every row into <see cref="RawSamples"/>, rejecting bad or unordered rows.</summary>
internal static class SampleReader
{
    private const double MaxMagnitude = 1e15;

    /// <summary>
    /// Reads every row, checking each; keeps only the samples within <paramref name="window"/> (all when null), so memory
    /// is bounded by the run's horizon, not by the file. <paramref name="total"/> is the number of rows read.
    /// </summary>
    public static RawSamples Read(CsvTable table, SeriesPlan plan, (long From, long To)? window, out long total)
    {
        var ticks = new List<long>();
        var values = new List<double>();
        var lines = new List<int>();
        double factor = SeriesUnits.ToCanonical(plan.Unit);
        long previous = long.MinValue;
        int previousLine = 0;
        total = 0;
        foreach (CsvRow row in table.DataRows())
        {
            long tick = ReadTime(table, plan, row).UtcTicks;
            double value = ReadValue(table, row, plan.ValueIndex, factor);
            if (total++ > 0 && tick <= previous)
            {
                throw Unordered(table, plan, row, previousLine, tick, previous);
            }

            (previous, previousLine) = (tick, row.Line);
            if (window is not { } w || (tick >= w.From && tick <= w.To))
            {
                ticks.Add(tick);
                values.Add(value);
                lines.Add(row.Line);
            }
        }

        return new RawSamples([.. ticks], [.. values], [.. lines]);
    }

    private static DateTimeOffset ReadTime(CsvTable table, SeriesPlan plan, CsvRow row)
    {
        if (plan.SecondsOrigin is DateTimeOffset origin)
        {
            double seconds = ReadNumber(table, row, plan.TimeIndex);
            return origin + TimeSpan.FromSeconds(seconds);
        }

        string text = table.Cell(row, plan.TimeIndex);
        return SeriesTimestamp.TryParse(text, out DateTimeOffset utc) ? utc : throw new SeriesFormatException(table.Source, row.Line,
            table.Header[plan.TimeIndex], $"cannot parse '{CsvTable.Quote(text)}' as a timestamp in column '{table.Header[plan.TimeIndex]}' " +
            "(expected ISO 8601 such as 2020-01-01T00:00:00Z or 2020-01-01 00:00:00)");
    }

    /// <summary>
    /// A value in canonical units. Negative values and values above <see cref="MaxMagnitude"/> are rejected here, with
    /// their row, because no supported quantity is negative and a larger one overflows to infinity once converted,
    /// summed or resampled.
    /// </summary>
    private static double ReadValue(CsvTable table, CsvRow row, int index, double factor)
    {
        double raw = ReadNumber(table, row, index);
        double value = raw * factor;
        string column = table.Header[index];
        if (value < 0)
        {
            throw new SeriesFormatException(table.Source, row.Line, column,
                $"negative value {raw.ToString(CultureInfo.InvariantCulture)} in column '{column}'; series values must not be negative");
        }

        return value <= MaxMagnitude ? value : throw new SeriesFormatException(table.Source, row.Line, column,
            $"value {raw.ToString(CultureInfo.InvariantCulture)} in column '{column}' is implausibly large (above 1e15 in canonical units)");
    }

    private static double ReadNumber(CsvTable table, CsvRow row, int index)
    {
        string text = table.Cell(row, index);
        string column = table.Header[index];
        if (text.Length == 0)
        {
            throw new SeriesFormatException(table.Source, row.Line, column, $"empty value in column '{column}'");
        }

        bool ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        return ok && double.IsFinite(value) ? value : throw new SeriesFormatException(table.Source, row.Line, column,
            $"cannot parse '{CsvTable.Quote(text)}' as a number in column '{column}'");
    }

    private static SeriesFormatException Unordered(CsvTable table, SeriesPlan plan, CsvRow row, int previousLine, long current, long previous)
    {
        string column = table.Header[plan.TimeIndex];
        string now = SeriesTimestamp.Format(new DateTimeOffset(current, TimeSpan.Zero));
        string detail = current == previous
            ? $"duplicate timestamp {now} (also on row {previousLine})"
            : $"timestamp {now} is earlier than row {previousLine}'s {SeriesTimestamp.Format(new DateTimeOffset(previous, TimeSpan.Zero))}; rows must be in increasing time order";
        return new SeriesFormatException(table.Source, row.Line, column, detail);
    }
}
