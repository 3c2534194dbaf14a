namespace Verdant.Core.Energy;

/// <summary>
/// A compute unit's hardware: sustained FLOP/s on training work, busy and idle power at the wall (before PUE),
/// the energy to wake it from off, and where the figures come from.
/// </summary>
public sealed record HardwareProfile(string Name, double SustainedFlops, double BusyPowerW, double IdlePowerW,
    double WakeEnergyJ, string Source)
{
    /// <summary>Seconds from switched on to training: a woken unit's first round starts this much later (s).</summary>
    public double BootS { get; init; }
}
