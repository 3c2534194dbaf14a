namespace Verdant.Core.Energy;

/// <summary>How network energy is counted: an attributional kWh per GB, or a baseline power plus a marginal kWh per GB.</summary>
public enum NetworkEnergyModel
{
    /// <summary>Energy = bytes x kWh/GB (Aslan et al. 2018 trend).</summary>
    PerGb,

    /// <summary>
    /// The power model of Mytton, Lunden and Malmodin (J. Industrial Ecology 2024): each communicating unit holds a share
    /// of always-on network equipment (baseline W for the round) and each byte adds a much smaller marginal energy.
    /// </summary>
    Marginal,
}
