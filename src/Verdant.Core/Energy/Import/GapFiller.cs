namespace Verdant.Core.Energy.Import;

/// <summary>Finds the native step and fills short gaps linearly (with a warning); longer gaps are errors.</summary>
internal static class GapFiller
{
    /// <summary>Longest native step accepted: a month; coarser data says nothing about hours.</summary>
    private const long MaxStep = 31 * TimeSpan.TicksPerDay;

    /// <summary>The most frequent spacing between consecutive samples (ties go to the shorter).</summary>
    public static long NativeStepTicks(RawSamples samples, string source)
    {
        if (samples.Ticks.Length < 2)
        {
            throw new SeriesFormatException(source, null, null, "one data row is too few to know the time step; need two or more");
        }

        var counts = new Dictionary<long, int>();
        for (int i = 1; i < samples.Ticks.Length; i++)
        {
            long d = samples.Ticks[i] - samples.Ticks[i - 1];
            counts[d] = counts.GetValueOrDefault(d) + 1;
        }

        long step = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
        if (step > MaxStep)
        {
            throw new SeriesFormatException(source, null, null,
                $"the rows are {SeriesTimestamp.Hours(TimeSpan.FromTicks(step))} apart; a series needs a time step of {MaxStep / TimeSpan.TicksPerDay} days or less");
        }

        // The last sample holds for one step (RawSamples); it must end within the calendar (found by fuzzing: year 9040).
        if (samples.Ticks[^1] > DateTime.MaxValue.Ticks - step)
        {
            throw new SeriesFormatException(source, samples.Lines[^1], null, "the last row's time plus the time step passes the year 9999");
        }

        return step;
    }

    /// <summary>
    /// Fills every gap that overlaps [<paramref name="fromTicks"/>, <paramref name="toTicks"/>): a spacing above 1.5 native
    /// steps leaves (spacing - step) without data; up to <paramref name="maxGap"/> it is filled, beyond it is an error.
    /// </summary>
    public static RawSamples Fill(RawSamples samples, long step, TimeSpan maxGap, long fromTicks, long toTicks, string source, List<string> warnings)
    {
        var ticks = new List<long>(samples.Ticks.Length);
        var values = new List<double>(samples.Ticks.Length);
        var lines = new List<int>(samples.Ticks.Length);
        for (int i = 0; i < samples.Ticks.Length; i++)
        {
            if (i > 0 && IsRelevantGap(samples, i, step, fromTicks, toTicks))
            {
                CheckGap(samples, i, step, maxGap, source, warnings);
                Interpolate(samples, i, step, ticks, values, lines);
            }

            ticks.Add(samples.Ticks[i]);
            values.Add(samples.Values[i]);
            lines.Add(samples.Lines[i]);
        }

        return new RawSamples([.. ticks], [.. values], [.. lines]);
    }

    private static bool IsRelevantGap(RawSamples s, int i, long step, long fromTicks, long toTicks)
    {
        long spacing = s.Ticks[i] - s.Ticks[i - 1];
        return spacing * 2 > step * 3 && s.Ticks[i - 1] + step < toTicks && s.Ticks[i] > fromTicks;
    }

    private static void CheckGap(RawSamples s, int i, long step, TimeSpan maxGap, string source, List<string> warnings)
    {
        var missing = TimeSpan.FromTicks(s.Ticks[i] - s.Ticks[i - 1] - step);
        string where = $"row {s.Lines[i - 1]} ({Time(s.Ticks[i - 1])}) and row {s.Lines[i]} ({Time(s.Ticks[i])})";
        if (missing > maxGap)
        {
            throw new SeriesFormatException(source, s.Lines[i], null,
                $"no data for {SeriesTimestamp.Hours(missing)} between {where}, longer than the {SeriesTimestamp.Hours(maxGap)} gap limit");
        }

        warnings.Add($"{source}: filled {SeriesTimestamp.Hours(missing)} without data between {where} by linear interpolation");
    }

    private static void Interpolate(RawSamples s, int i, long step, List<long> ticks, List<double> values, List<int> lines)
    {
        long t0 = s.Ticks[i - 1];
        long t1 = s.Ticks[i];
        double v0 = s.Values[i - 1];
        double v1 = s.Values[i];
        for (long t = t0 + step; (t1 - t) * 2 > step; t += step)
        {
            ticks.Add(t);
            values.Add(v0 + ((v1 - v0) * (t - t0) / (t1 - t0)));
            lines.Add(s.Lines[i]);
        }
    }

    private static string Time(long ticks) => SeriesTimestamp.Format(new DateTimeOffset(ticks, TimeSpan.Zero));
}
