using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Metering;

/// <summary>
/// The machine's cumulative energy counters, when it exposes them: <see cref="PowercapCounter"/> reads Linux powercap
/// (Intel RAPL); tests pass a fake.
/// </summary>
public interface IEnergyCounter
{
    /// <summary>Reads the counters, or returns null with <paramref name="reason"/> saying why energy cannot be read here.</summary>
    EnergyReading? TryRead(out string? reason);
}
