namespace Verdant.Core.Policies;

/// <summary>
/// Settings shared by the catalogue's policies: k for the fixed-size policies, the grid-intensity cap (gCO2eq/kWh) of
/// carbon-cap, and the decision epoch.
/// </summary>
public sealed record PolicyOptions
{
    /// <summary>Creates validated options.</summary>
    public PolicyOptions(int k = 8, double carbonCapGPerKwh = 200, double epochMinutes = 60)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegative(carbonCapGPerKwh);
        if (!(epochMinutes > 0 && double.IsFinite(epochMinutes)))
        {
            throw new ArgumentOutOfRangeException(nameof(epochMinutes), epochMinutes, "The decision epoch must be positive.");
        }

        K = k;
        CarbonCapGPerKwh = carbonCapGPerKwh;
        EpochMinutes = epochMinutes;
    }

    /// <summary>Units to keep active (random-k, greenest-k).</summary>
    public int K { get; }

    /// <summary>Grid intensity under which a site's units may train (carbon-cap).</summary>
    public double CarbonCapGPerKwh { get; }

    /// <summary>Simulated minutes between decisions.</summary>
    public double EpochMinutes { get; }

    /// <summary>Fewest units the adaptive policy keeps active, so that averaging still means something.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>
    /// Share of the whole fleet's useful progress per hour that the adaptive policy keeps (0..1]: it slows training by at
    /// most 1 / this factor to save carbon.
    /// </summary>
    public double MinSpeedFraction { get; init; } = 0.5;

    /// <summary>The decision epoch as a span.</summary>
    public TimeSpan Epoch => TimeSpan.FromMinutes(EpochMinutes);
}
