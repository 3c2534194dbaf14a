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

    /// <summary>
    /// Largest sampling spread R H (n - k) / (k (n - 1)) the adaptive policy lets a kept set of k units accumulate, relative
    /// to the squared gradient (see <see cref="AdaptivePolicy"/>): lower covers more units' data per epoch.
    /// </summary>
    public double MaxSpread { get; init; } = 1;

    /// <summary>Hourly slots the planner optimizes over (receding horizon).</summary>
    public int HorizonHours { get; init; } = 24;

    /// <summary>
    /// Optional cap on the hourly slots carbonscaler plans over; by default none: it plans to the scenario's deadline, as
    /// CarbonScaler plans a job to its completion time.
    /// </summary>
    public int CarbonScalerHorizonHours { get; init; } = int.MaxValue;

    /// <summary>
    /// carbonscaler: the job's length in node-rounds when known (CarbonScaler's assumption: a profiled job), e.g. from a
    /// pilot run; 0 (default): estimated from the learning curve.
    /// </summary>
    public double CarbonScalerJobNodeRounds { get; init; }

    /// <summary>Planner's weight on time: g CO2eq it pays to get one node-round of work done one hour earlier.</summary>
    public double PlannerTimeWeight { get; init; } = 2;

    /// <summary>Sites x slots above which the planner solves the linear relaxation (GLOP) and rounds, instead of CP-SAT.</summary>
    public int PlannerMaxIntegerCells { get; init; } = 600;

    /// <summary>Units fedzero selects per round (its fixed n).</summary>
    public int FedZeroUnits { get; init; } = 6;

    /// <summary>FedZero's blocklist release factor alpha: an excluded unit returns with probability min(1, alpha / excess participations).</summary>
    public double FedZeroAlpha { get; init; } = 1;

    /// <summary>Longest fedzero round (minutes): 60 in Wiesner et al. 2024; a round is one decision epoch capped at this.</summary>
    public int FedZeroMaxRoundMinutes { get; init; } = 60;

    /// <summary>Minimum work (training rounds) renewable excess must cover for a unit to qualify for fedzero.</summary>
    public double FedZeroMinRounds { get; init; } = 2;

    /// <summary>
    /// Coverage time scale S (hours) of <see cref="DataCoverage"/>: a unit r times dirtier than the cleanest candidate is
    /// chosen after about (r - 1) S hours without training. 0 (the default) switches the staleness term off: measured on
    /// two skewed suite scenarios it slowed training (stale rows in the participants' model), see docs/policies.md.
    /// </summary>
    public double CoverageHours { get; init; }

    /// <summary>
    /// Coverage weight on heterogeneity: S is scaled by min(1, this x B / H) once the noise scale B and the heterogeneity H
    /// are measured, so coverage matters more as the units' data pull apart.
    /// </summary>
    public double CoverageNoiseRatio { get; init; } = 1;

    /// <summary>Prior remaining work to target (node-rounds) before the learning curve can be fitted.</summary>
    public double WorkPriorNodeRounds { get; init; } = 3000;

    /// <summary>Deterministic time limit of a CP-SAT solve (solver work units, about seconds; reproducible, unlike wall time).</summary>
    public double SolverDeterministicSeconds { get; init; } = 1;

    /// <summary>The decision epoch as a span.</summary>
    public TimeSpan Epoch => TimeSpan.FromMinutes(EpochMinutes);
}
