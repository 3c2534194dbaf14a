namespace Verdant.Core.Energy;

/// <summary>
/// Network cost parameters: energy intensity of transmission (kWh per GB), link bandwidth (bit/s), fraction of light speed
/// in fibre, and a fixed per-hop latency added to every message (s). Defaults and sources in docs/energy-model.md.
/// </summary>
public sealed record NetworkOptions(double KwhPerGb = 0.006, double BandwidthBitsPerS = 1e9,
    double FiberSpeedFraction = 2.0 / 3.0, double PerHopLatencyS = 0.005);
