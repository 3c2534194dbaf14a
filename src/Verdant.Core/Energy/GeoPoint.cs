namespace Verdant.Core.Energy;

/// <summary>A place on Earth in degrees (WGS84 latitude north positive, longitude east positive).</summary>
public sealed record GeoPoint(double LatitudeDeg, double LongitudeDeg)
{
    /// <summary>Great-circle (haversine) distance in km on a sphere of radius 6371.0088 km (IUGG mean radius).</summary>
    public double GreatCircleKm(GeoPoint other) => throw new NotImplementedException();
}
