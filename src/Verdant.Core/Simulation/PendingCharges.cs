using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// Energy charged outside a round (wake-ups, rejoin downloads, idle draw while nothing trains, the closing gather), by use
/// and by source, carried into the next round's record, or the last one at the end, so that the rounds add up to the ledger.
/// </summary>
internal sealed class PendingCharges
{
    private RoundEnergy _sum;

    /// <summary>Whether anything is pending.</summary>
    public bool Any { get; private set; }

    /// <summary>Adds a charge served as <paramref name="result"/>, <paramref name="use"/> naming the column it counts in.</summary>
    public void Add(ChargeResult result, EnergyUse use, double kwh, long bytes)
    {
        _sum.Add(result);
        _sum.AddUse(use, kwh);
        _sum.BytesSent += bytes;
        Any = true;
    }

    /// <summary>Adds a whole summed charge.</summary>
    public void Add(RoundEnergy energy)
    {
        _sum.Add(energy);
        Any = true;
    }

    /// <summary>Returns what was pending and starts over.</summary>
    public RoundEnergy Take()
    {
        RoundEnergy result = _sum;
        _sum = default;
        Any = false;
        return result;
    }
}
