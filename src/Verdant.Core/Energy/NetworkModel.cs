namespace Verdant.Core.Energy;

/// <summary>Delay and energy of moving bytes between sites: propagation over the great circle, serialization at the link bandwidth, energy per byte.</summary>
public sealed class NetworkModel
{
    /// <summary>Creates the model.</summary>
    public NetworkModel(NetworkOptions options) => throw new NotImplementedException();

    /// <summary>Options in force.</summary>
    public NetworkOptions Options => throw new NotImplementedException();

    /// <summary>One-way latency (s): distance / (fraction x c) + per-hop constant; zero for the same point.</summary>
    public double LatencyS(GeoPoint from, GeoPoint to) => throw new NotImplementedException();

    /// <summary>Time to deliver <paramref name="bytes"/> (s): latency + bytes x 8 / bandwidth.</summary>
    public double TransferS(long bytes, GeoPoint from, GeoPoint to) => throw new NotImplementedException();

    /// <summary>Energy to move <paramref name="bytes"/> (kWh).</summary>
    public double EnergyKwh(long bytes) => throw new NotImplementedException();
}
