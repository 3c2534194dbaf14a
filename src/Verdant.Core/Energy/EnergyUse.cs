namespace Verdant.Core.Energy;

/// <summary>What a charge of energy was spent on.</summary>
public enum EnergyUse
{
    /// <summary>Training computation (with PUE).</summary>
    Compute,

    /// <summary>Moving bytes between sites.</summary>
    Network,

    /// <summary>Units kept powered but not training.</summary>
    Idle,

    /// <summary>Waking units from off.</summary>
    Wake,
}
