namespace Verdant.Core.Energy;

/// <summary>Carbon (kg CO2eq) by use: training computation, idle draw, network transfer and wake-ups.</summary>
public sealed record CarbonByUse(double ComputeKg, double IdleKg, double NetworkKg, double WakeKg)
{
    /// <summary>All uses together.</summary>
    public double TotalKg => ComputeKg + IdleKg + NetworkKg + WakeKg;
}
