namespace Verdant.Core.Energy;

/// <summary>The sun's apparent position seen from a place at a UTC instant (degrees; equation of time in minutes).</summary>
/// <remarks>
/// NOAA Solar Calculator spreadsheet equations (NOAA ESRL Global Monitoring Laboratory, after Meeus 1991, "Astronomical
/// Algorithms"): Julian century, mean longitude and anomaly, equation of centre, apparent longitude, obliquity,
/// declination, equation of time, true solar time, hour angle, zenith. Geometric: no atmospheric refraction.
/// </remarks>
public sealed record SolarPosition(double DeclinationDeg, double EquationOfTimeMin, double HourAngleDeg, double ZenithDeg)
{
    /// <summary>Elevation above the horizon: 90 - zenith (degrees, negative below the horizon).</summary>
    public double ElevationDeg => 90 - ZenithDeg;

    /// <summary>Computes the position for <paramref name="place"/> at <paramref name="timeUtc"/>.</summary>
    public static SolarPosition Compute(GeoPoint place, DateTimeOffset timeUtc)
    {
        ArgumentNullException.ThrowIfNull(place);
        DateTimeOffset utc = timeUtc.ToUniversalTime();
        double julianDay = (utc.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerDay + 2440587.5;
        double t = (julianDay - 2451545.0) / 36525.0;

        double meanLongDeg = Mod360(280.46646 + (t * (36000.76983 + (t * 0.0003032))));
        double meanAnomDeg = 357.52911 + (t * (35999.05029 - (0.0001537 * t)));
        double eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        double m = Rad(meanAnomDeg);
        double centreDeg = (Math.Sin(m) * (1.914602 - (t * (0.004817 + (0.000014 * t)))))
            + (Math.Sin(2 * m) * (0.019993 - (0.000101 * t))) + (Math.Sin(3 * m) * 0.000289);
        double omega = Rad(125.04 - (1934.136 * t));
        double apparentLongDeg = meanLongDeg + centreDeg - 0.00569 - (0.00478 * Math.Sin(omega));
        double meanObliquityDeg = 23 + ((26 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60)) / 60);
        double obliquity = Rad(meanObliquityDeg + (0.00256 * Math.Cos(omega)));

        double declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(Rad(apparentLongDeg)));
        double eqTimeMin = EquationOfTime(obliquity, Rad(meanLongDeg), m, eccentricity);

        double minutesOfDay = utc.TimeOfDay.TotalMinutes;
        double trueSolarMin = ((minutesOfDay + eqTimeMin + (4 * place.LongitudeDeg)) % 1440 + 1440) % 1440;
        double hourAngleDeg = (trueSolarMin / 4) - 180;

        double lat = Rad(place.LatitudeDeg);
        double cosZenith = (Math.Sin(lat) * Math.Sin(declination))
            + (Math.Cos(lat) * Math.Cos(declination) * Math.Cos(Rad(hourAngleDeg)));
        double zenithDeg = double.RadiansToDegrees(Math.Acos(Math.Clamp(cosZenith, -1, 1)));
        return new SolarPosition(double.RadiansToDegrees(declination), eqTimeMin, hourAngleDeg, zenithDeg);
    }

    private static double EquationOfTime(double obliquity, double meanLong, double meanAnom, double e)
    {
        double y = Math.Tan(obliquity / 2) * Math.Tan(obliquity / 2);
        double radians = (y * Math.Sin(2 * meanLong)) - (2 * e * Math.Sin(meanAnom))
            + (4 * e * y * Math.Sin(meanAnom) * Math.Cos(2 * meanLong))
            - (0.5 * y * y * Math.Sin(4 * meanLong)) - (1.25 * e * e * Math.Sin(2 * meanAnom));
        return 4 * double.RadiansToDegrees(radians);
    }

    private static double Rad(double degrees) => double.DegreesToRadians(degrees);

    private static double Mod360(double degrees) => ((degrees % 360) + 360) % 360;
}
