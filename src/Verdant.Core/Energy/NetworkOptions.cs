namespace Verdant.Core.Energy;

/// <summary>
/// Network cost parameters: energy intensity of transmission (kWh per GB), link bandwidth (bit/s), fraction of light speed
/// in fibre, and a fixed per-hop latency added to every message (s). Defaults and sources in docs/energy-model.md.
/// </summary>
public sealed record NetworkOptions(double KwhPerGb = 0.006, double BandwidthBitsPerS = 1e9,
    double FiberSpeedFraction = 2.0 / 3.0, double PerHopLatencyS = 0.005)
{
    /// <summary>Which energy model applies (per-GB by default).</summary>
    public NetworkEnergyModel Model { get; init; } = NetworkEnergyModel.PerGb;

    /// <summary>Whose grid intensity prices network energy (the two ends' by default).</summary>
    public NetworkCarbon Carbon { get; init; } = NetworkCarbon.Endpoints;

    /// <summary>Marginal model: energy each extra GB adds (kWh/GB). Assumption, see docs/energy-model.md.</summary>
    public double MarginalKwhPerGb { get; init; } = 0.001;

    /// <summary>Marginal model: baseline network power held by each communicating unit for a round (W). Assumption.</summary>
    public double BaselineWPerUnit { get; init; } = 20;
}
