namespace Verdant.Core.Energy;

/// <summary>Delay and energy of moving bytes between sites: propagation over the great circle, serialization at the link bandwidth, energy per byte.</summary>
/// <remarks>
/// Latency = d / (f c) + per-hop constant, with c = 299 792.458 km/s and f = 2/3 (refractive index of silica fibre about
/// 1.47; e.g. Singla et al. 2014, "The Internet at the speed of light", HotNets). Energy, per-GB model: bytes / 1e9 x
/// kWh/GB, the default 0.006 kWh/GB being the Aslan, Mayers, Koomey and France 2018 trend (J. Industrial Ecology 22: 0.06
/// kWh/GB in 2015, halving every two years) extrapolated to about 2022. Marginal model (Mytton, Lunden and Malmodin, J.
/// Industrial Ecology 2024): bytes / 1e9 x marginal kWh/GB plus a baseline W per communicating unit for the round's
/// length. Network energy is never behind a site's meter; see docs/energy-model.md.
/// </remarks>
public sealed class NetworkModel
{
    /// <summary>Speed of light in vacuum (km/s), exact by the SI definition of the metre.</summary>
    public const double LightSpeedKmPerS = 299_792.458;

    /// <summary>Creates the model.</summary>
    public NetworkModel(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.KwhPerGb >= 0) || !(options.BandwidthBitsPerS > 0) || !(options.FiberSpeedFraction is > 0 and <= 1)
            || !(options.PerHopLatencyS >= 0) || !(options.MarginalKwhPerGb >= 0) || !(options.BaselineWPerUnit >= 0))
        {
            throw new ArgumentException(
                "Network options need kWh/GB >= 0, bandwidth > 0, fibre speed fraction in (0, 1], per-hop latency >= 0, "
                + "marginal kWh/GB >= 0 and baseline W >= 0.",
                nameof(options));
        }

        Options = options;
    }

    /// <summary>Options in force.</summary>
    public NetworkOptions Options { get; }

    /// <summary>One-way latency (s): distance / (fraction x c) + per-hop constant; zero for the same point.</summary>
    public double LatencyS(GeoPoint from, GeoPoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        double km = from.GreatCircleKm(to);
        return km == 0 ? 0 : (km / (Options.FiberSpeedFraction * LightSpeedKmPerS)) + Options.PerHopLatencyS;
    }

    /// <summary>Time to deliver <paramref name="bytes"/> (s): latency + bytes x 8 / bandwidth.</summary>
    public double TransferS(long bytes, GeoPoint from, GeoPoint to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return LatencyS(from, to) + (bytes * 8.0 / Options.BandwidthBitsPerS);
    }

    /// <summary>Energy that moving <paramref name="bytes"/> adds (kWh): kWh/GB, or the marginal kWh/GB, per GB.</summary>
    public double EnergyKwh(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        double perGb = Options.Model == NetworkEnergyModel.Marginal ? Options.MarginalKwhPerGb : Options.KwhPerGb;
        return bytes / 1e9 * perGb;
    }

    /// <summary>Baseline energy one communicating unit holds for <paramref name="seconds"/> (kWh); zero in the per-GB model.</summary>
    public double BaselineKwh(double seconds)
        => Options.Model == NetworkEnergyModel.Marginal ? UnitPower.ToKwh(Options.BaselineWPerUnit * Math.Max(0, seconds)) : 0;
}
