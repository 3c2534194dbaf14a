namespace Verdant.Core.Energy;

/// <summary>Clear-sky global horizontal irradiance (W/m^2) from the solar zenith angle.</summary>
/// <remarks>
/// Haurwitz, B. (1945), "Insolation in relation to cloudiness and cloud density", Journal of Meteorology 2, 154-166:
/// GHI = 1098 cos z exp(-0.059 / cos z), and zero when the sun is at or below the horizon. Reviewed as one of the best
/// simple models by Reno, Hansen and Stein (2012), Sandia report SAND2012-2389.
/// </remarks>
public static class ClearSky
{
    /// <summary>Haurwitz clear-sky GHI (W/m^2) for a zenith angle in degrees; 0 when cos z &lt;= 0.</summary>
    public static double HaurwitzGhi(double zenithDeg)
    {
        double cosZ = Math.Cos(double.DegreesToRadians(zenithDeg));
        return cosZ <= 0 ? 0 : 1098 * cosZ * Math.Exp(-0.059 / cosZ);
    }

    /// <summary>Haurwitz clear-sky GHI (W/m^2) at a place and UTC instant.</summary>
    public static double Ghi(GeoPoint place, DateTimeOffset timeUtc) => HaurwitzGhi(SolarPosition.Compute(place, timeUtc).ZenithDeg);
}
