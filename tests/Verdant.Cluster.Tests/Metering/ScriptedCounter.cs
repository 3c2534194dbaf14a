using Verdant.Cluster.Contracts;
using Verdant.Cluster.Metering;

namespace Verdant.Cluster.Tests.Metering;

/// <summary>
/// A machine's energy counter for tests: every read finds 1 J more than the last (and a later timestamp), or, when
/// <paramref name="unavailable"/> is given, no counter at all for that reason.
/// </summary>
internal sealed class ScriptedCounter(string machine, string? unavailable = null) : IEnergyCounter
{
    private readonly Lock _gate = new();
    private long _reads;

    public EnergyReading? TryRead(out string? reason)
    {
        reason = unavailable;
        if (unavailable is not null)
        {
            return null;
        }

        lock (_gate)
        {
            _reads++;
            return new EnergyReading(machine, _reads, [_reads * 1_000_000], [long.MaxValue]);
        }
    }
}
