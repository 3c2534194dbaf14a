namespace Verdant.Core.Energy.Import;

/// <summary>Deterministic, realistic-looking daily shapes for sample files (no randomness: same inputs, same bytes).</summary>
internal static class SampleShapes
{
    /// <summary>Clear-sky-like PV shape 0..1 at <paramref name="localHour"/>: sunrise 06:00, sunset 18:00.</summary>
    public static double Sun(double localHour) => Math.Pow(Math.Max(0, Math.Sin(Math.PI * (localHour - 6) / 12)), 1.3);

    /// <summary>Cloud factor of a day, 0.55..1, from a fixed pattern so days differ but repeat exactly.</summary>
    public static double Clouds(int day) => 0.775 + (0.225 * Math.Sin((day * 2.39996) + 1.0));

    /// <summary>PV capacity factor at <paramref name="time"/> with local time = UTC + <paramref name="utcOffsetHours"/>.</summary>
    public static double CapacityFactor(DateTimeOffset start, DateTimeOffset time, double utcOffsetHours)
    {
        double local = Hour(time) + utcOffsetHours;
        int day = (int)Math.Floor((time - start).TotalDays + (utcOffsetHours / 24));
        return 0.82 * Sun(((local % 24) + 24) % 24) * Clouds(day);
    }

    /// <summary>Average intensity (gCO2eq/kWh): a midday solar dip and an evening peak around 19:00, drifting by day.</summary>
    public static double AverageIntensity(DateTimeOffset start, DateTimeOffset time)
    {
        double h = Hour(time);
        double day = (time - start).TotalDays;
        return 320 - (110 * Sun(h) * Clouds((int)day)) + (45 * Math.Cos(2 * Math.PI * (h - 19) / 24)) + (25 * Math.Sin(day * 0.9));
    }

    /// <summary>Marginal intensity (gCO2/kWh): gas on the margin most hours, dropping at solar noon.</summary>
    public static double MarginalIntensity(DateTimeOffset time)
    {
        double h = Hour(time);
        return 440 - (260 * Math.Pow(Sun(h), 2)) + (12 * Math.Sin(2 * Math.PI * h / 3));
    }

    /// <summary>Site load (kW): a night base and a working-day plateau.</summary>
    public static double LoadKw(DateTimeOffset time)
    {
        double h = Hour(time);
        return 12 + (9 * Math.Pow(Math.Max(0, Math.Sin(Math.PI * (h - 7) / 12)), 0.5));
    }

    private static double Hour(DateTimeOffset time) => time.UtcDateTime.TimeOfDay.TotalHours;
}
