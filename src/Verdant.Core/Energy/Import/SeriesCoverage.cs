namespace Verdant.Core.Energy.Import;

/// <summary>Checks that a series covers the target range, or tiles its last complete UTC day or week when asked.</summary>
internal static class SeriesCoverage
{
    private static readonly long Day = TimeSpan.TicksPerDay;

    // DateTime tick 0 (0001-01-01) is a Monday, so multiples of a week from it are Monday 00:00 UTC.
    private static readonly long Week = 7 * TimeSpan.TicksPerDay;

    public static PiecewiseSeries Cover(PiecewiseSeries series, SeriesGrid grid, SeriesRepeat repeat, string source, List<string> warnings)
    {
        long from = grid.StartUtc.UtcTicks;
        long to = grid.EndUtc.UtcTicks;
        if (from >= series.Start && to <= series.End)
        {
            return series;
        }

        string covered = $"covers {Time(series.Start)} to {Time(series.End)}, but the target needs {Time(from)} to {Time(to)}";
        if (repeat == SeriesRepeat.None)
        {
            throw new SeriesFormatException(source, null, null,
                $"{covered}; set repeat to daily or weekly to tile the last complete day or week");
        }

        long period = repeat == SeriesRepeat.Daily ? Day : Week;
        long refStart = (series.End - period) / period * period;
        string unit = repeat == SeriesRepeat.Daily ? "day" : "week (Monday to Monday)";
        if (refStart < series.Start)
        {
            throw new SeriesFormatException(source, null, null, $"{covered}, and it holds no complete UTC {unit} to repeat");
        }

        warnings.Add($"{source}: {covered}; repeated the UTC {unit} from {Time(refStart)} to {Time(refStart + period)}");
        return series.Extend(from, to, period, refStart);
    }

    private static string Time(long ticks) => SeriesTimestamp.Format(new DateTimeOffset(ticks, TimeSpan.Zero));
}
