using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class SolarPositionTests
{
    // Reference: the worked example of the NREL Solar Position Algorithm (Reda and Andreas 2004, NREL/TP-560-34302,
    // Table A5.1): Golden, CO, 2003-10-17 12:30:30 local (UTC-7): declination -9.31434 deg, equation of time
    // 14.641503 min, topocentric zenith 50.11162 deg (with refraction and parallax, which NOAA's geometric zenith omits:
    // they differ by about 0.02 deg here, well inside the 0.5 deg tolerance).
    private static readonly GeoPoint Golden = new(39.742476, -105.1786);
    private static readonly DateTimeOffset SpaInstant = new(2003, 10, 17, 19, 30, 30, TimeSpan.Zero);

    [Fact]
    public void Compute_SpaReferenceCase_MatchesWithinHalfDegree()
    {
        SolarPosition p = SolarPosition.Compute(Golden, SpaInstant);

        Assert.InRange(p.ZenithDeg, 50.11162 - 0.5, 50.11162 + 0.5);
        Assert.InRange(p.DeclinationDeg, -9.31434 - 0.05, -9.31434 + 0.05);
        Assert.InRange(p.EquationOfTimeMin, 14.641503 - 0.1, 14.641503 + 0.1);
    }

    [Fact]
    public void Compute_JuneSolstice_DeclinationNearObliquity()
    {
        SolarPosition p = SolarPosition.Compute(new GeoPoint(0, 0), new DateTimeOffset(2024, 6, 20, 20, 51, 0, TimeSpan.Zero));

        Assert.InRange(p.DeclinationDeg, 23.43, 23.45);
    }

    [Fact]
    public void Compute_LocalSolarNoon_HourAngleNearZeroAndElevationComplementsZenith()
    {
        var madrid = new GeoPoint(40.4168, -3.7038);
        SolarPosition p = SolarPosition.Compute(madrid, new DateTimeOffset(2024, 6, 21, 12, 16, 0, TimeSpan.Zero));

        Assert.InRange(p.HourAngleDeg, -0.5, 0.5);
        Assert.Equal(90 - p.ZenithDeg, p.ElevationDeg, 12);
        // At noon on the solstice, elevation = 90 - latitude + declination.
        Assert.InRange(p.ElevationDeg, 90 - 40.4168 + 23.44 - 0.2, 90 - 40.4168 + 23.44 + 0.2);
    }
}
