using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// Energy charged between rounds (wake-ups, rejoin downloads), carried into the next round's record so that the rounds
/// add up to the ledger.
/// </summary>
internal sealed class PendingCharges
{
    private double _renewable;
    private double _battery;
    private double _grid;
    private double _carbon;

    /// <summary>Bytes moved between rounds, not yet recorded.</summary>
    public long Bytes { get; private set; }

    public void Add(ChargeResult result, long bytes)
    {
        _renewable += result.RenewableKwh;
        _battery += result.BatteryKwh;
        _grid += result.GridKwh;
        _carbon += result.CarbonG;
        Bytes += bytes;
    }

    /// <summary>Returns what was pending and starts over.</summary>
    public ChargeResult Take()
    {
        var result = new ChargeResult(_renewable, _battery, _grid, _carbon);
        _renewable = _battery = _grid = _carbon = 0;
        Bytes = 0;
        return result;
    }
}
