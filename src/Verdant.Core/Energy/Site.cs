namespace Verdant.Core.Energy;

/// <summary>A compute site: name, place, number of identical units, their hardware, the facility's PUE and its energy sources.</summary>
public sealed record Site(string Name, int Units, HardwareProfile Hardware, double Pue, SiteEnergySpec Energy)
{
    /// <summary>The site's location.</summary>
    public GeoPoint Location => Energy.Location;

    /// <summary>
    /// Optional cap on the site's total outgoing bandwidth (bit/s), shared by all its units' messages in a round; null:
    /// each unit sends at the link bandwidth.
    /// </summary>
    public double? EgressBitsPerS { get; init; }
}
