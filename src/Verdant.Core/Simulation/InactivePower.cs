namespace Verdant.Core.Simulation;

/// <summary>What units that a policy leaves out of training draw.</summary>
public enum InactivePower
{
    /// <summary>Switched off: nothing (waking them costs the hardware's wake-up energy).</summary>
    Off,

    /// <summary>Kept powered: idle watts x PUE, no wake-up energy.</summary>
    Idle,
}
