namespace Verdant.Cluster.Contracts;

/// <summary>
/// One reading of a machine's RAPL package counters: which machine (<see cref="Machine"/>, so silos on one machine are
/// metered once), when (<see cref="Timestamp"/>, the machine's monotonic clock, comparable between its processes), and
/// each package domain's cumulative energy (µJ) with the value it wraps at.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnergyReading(
    [property: Id(0)] string Machine,
    [property: Id(1)] long Timestamp,
    [property: Id(2)] long[] EnergyUj,
    [property: Id(3)] long[] MaxEnergyRangeUj)
{
    /// <summary>
    /// Joules drawn between <paramref name="earlier"/> and this reading, domain by domain, each counter wrapping at its
    /// range (at most one wrap between two readings: a package at 100 W takes about 45 minutes to wrap a 262 kJ range).
    /// </summary>
    /// <exception cref="ArgumentException">The readings are of different machines or domains.</exception>
    public double JoulesSince(EnergyReading earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier.Machine != Machine || earlier.EnergyUj.Length != EnergyUj.Length)
        {
            throw new ArgumentException($"readings of {earlier.Machine} and {Machine} are not of the same counters", nameof(earlier));
        }

        double microjoules = 0;
        for (int d = 0; d < EnergyUj.Length; d++)
        {
            long delta = EnergyUj[d] - earlier.EnergyUj[d];
            microjoules += delta >= 0 ? delta : delta + MaxEnergyRangeUj[d];
        }

        return microjoules * 1e-6;
    }
}
