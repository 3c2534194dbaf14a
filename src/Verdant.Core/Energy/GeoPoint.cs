namespace Verdant.Core.Energy;

/// <summary>A place on Earth in degrees (WGS84 latitude north positive, longitude east positive).</summary>
public sealed record GeoPoint
{
    /// <summary>IUGG mean Earth radius (km), used for all great-circle distances.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a point; latitude must lie in [-90, 90] and longitude in [-180, 180].</summary>
    public GeoPoint(double latitudeDeg, double longitudeDeg)
    {
        if (!(latitudeDeg is >= -90 and <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitudeDeg), latitudeDeg, "Latitude must lie in [-90, 90] degrees.");
        }

        if (!(longitudeDeg is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitudeDeg), longitudeDeg, "Longitude must lie in [-180, 180] degrees.");
        }

        LatitudeDeg = latitudeDeg;
        LongitudeDeg = longitudeDeg;
    }

    /// <summary>Latitude, degrees north.</summary>
    public double LatitudeDeg { get; }

    /// <summary>Longitude, degrees east.</summary>
    public double LongitudeDeg { get; }

    /// <summary>Great-circle (haversine) distance in km on a sphere of radius <see cref="EarthRadiusKm"/>.</summary>
    public double GreatCircleKm(GeoPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double lat1 = double.DegreesToRadians(LatitudeDeg);
        double lat2 = double.DegreesToRadians(other.LatitudeDeg);
        double dLat = lat2 - lat1;
        double dLon = double.DegreesToRadians(other.LongitudeDeg - LongitudeDeg);
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
