using Verdant.Core.Energy;

namespace Verdant.Core.Policies;

/// <summary>
/// Everything a policy may read at a decision epoch: the time, the units, each site's supply now and its forecast for
/// later (the future only through <see cref="Forecast"/>), progress signals, and the policy's own seeded generator.
/// </summary>
public sealed class PolicyContext
{
    /// <summary>Creates a context.</summary>
    public PolicyContext(DateTimeOffset nowUtc, TimeSpan epoch, IReadOnlyList<Site> sites, IReadOnlyList<UnitView> units,
        ISupplyForecast forecast, ProgressSignals progress, Random random)
    {
        NowUtc = nowUtc;
        Epoch = epoch;
        Sites = sites;
        Units = units;
        Forecast = forecast;
        Progress = progress;
        Random = random;
    }

    /// <summary>Start of the epoch being decided.</summary>
    public DateTimeOffset NowUtc { get; }

    /// <summary>Length of a decision epoch.</summary>
    public TimeSpan Epoch { get; }

    /// <summary>The sites.</summary>
    public IReadOnlyList<Site> Sites { get; }

    /// <summary>All units, in node order.</summary>
    public IReadOnlyList<UnitView> Units { get; }

    /// <summary>The only window on the future.</summary>
    public ISupplyForecast Forecast { get; }

    /// <summary>Progress so far.</summary>
    public ProgressSignals Progress { get; }

    /// <summary>The policy's own generator (seeded from the scenario).</summary>
    public Random Random { get; }

    /// <summary>The run's simulated deadline.</summary>
    public DateTimeOffset DeadlineUtc { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>The accuracy the run aims for, if any.</summary>
    public double? TargetAccuracy { get; init; }

    /// <summary>Rounds the run may still take under its stop rule.</summary>
    public int RemainingRounds { get; init; } = int.MaxValue;

    /// <summary>Every evaluation so far, oldest first.</summary>
    public IReadOnlyList<ProgressPoint> History { get; init; } = [];

    /// <summary>Examples per local step on each unit.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>The simulation's round-time model; null: a round lasts as long as its slowest unit's computation.</summary>
    public IRoundTimeModel? RoundTime { get; init; }

    /// <summary>Seconds a round of the units flagged in <paramref name="active"/> lasts, by <see cref="RoundTime"/>.</summary>
    public double RoundSeconds(ReadOnlySpan<bool> active)
        => RoundTime is { } model ? model.RoundSeconds(active) : SlowestComputeS(active);

    /// <summary>An empty set of units to grow along a ranking, timed by <see cref="RoundTime"/> (<see cref="IRoundTimeSet"/>).</summary>
    public IRoundTimeSet OpenRoundTimeSet()
        => RoundTime is { } model ? model.OpenSet(Units.Count) : new MaskRoundTimeSet(new SlowestCompute(this), Units.Count);

    /// <summary>
    /// Round seconds of the first k units of <paramref name="order"/>, for k = 0..order.Length (index k): the throughput
    /// profile of growing an allocation along a ranking.
    /// </summary>
    /// <remarks>
    /// One unit joins an <see cref="IRoundTimeSet"/> per step, so the cost is the model's: O(N (N + E log E)) for a model
    /// that rebuilds the round at every reading, about O(N S log N) for the simulation's on the offset families
    /// (docs/performance.md). Without a model, a running maximum of compute seconds.
    /// </remarks>
    public double[] PrefixRoundSeconds(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var seconds = new double[order.Count + 1];
        if (RoundTime is null)
        {
            for (int k = 1; k <= order.Count; k++)
            {
                seconds[k] = Math.Max(seconds[k - 1], Units[order[k - 1]].RoundComputeS);
            }

            return seconds;
        }

        IRoundTimeSet set = RoundTime.OpenSet(Units.Count);
        for (int k = 1; k <= order.Count; k++)
        {
            set.Add(order[k - 1]);
            seconds[k] = set.Seconds();
        }

        return seconds;
    }

    private double SlowestComputeS(ReadOnlySpan<bool> active)
    {
        double slowest = 0;
        for (int i = 0; i < active.Length; i++)
        {
            slowest = active[i] ? Math.Max(slowest, Units[i].RoundComputeS) : slowest;
        }

        return slowest;
    }

    // Without the simulation's model, a round lasts as long as its slowest unit's computation.
    private sealed class SlowestCompute(PolicyContext context) : IRoundTimeModel
    {
        public double RoundSeconds(ReadOnlySpan<bool> active) => context.SlowestComputeS(active);
    }

    /// <summary>Renewable surplus at <paramref name="site"/> now (W).</summary>
    public double SurplusW(int site) => Forecast.SurplusW(site, NowUtc, NowUtc);

    /// <summary>Grid carbon intensity at <paramref name="site"/> now (gCO2eq/kWh).</summary>
    public double IntensityGPerKwh(int site) => Forecast.GridIntensityGPerKwh(site, NowUtc, NowUtc);

    /// <summary>Whose grid intensity prices network energy, as the ledger charges it.</summary>
    public NetworkCarbon NetworkCarbon { get; init; } = NetworkCarbon.Endpoints;

    /// <summary>
    /// The intensity a unit at <paramref name="site"/>'s network energy is charged at, forecast for
    /// <paramref name="atUtc"/>: its site's, or the mean over all sites (<see cref="NetworkCarbon"/>).
    /// </summary>
    public double NetworkIntensityGPerKwh(int site, DateTimeOffset atUtc)
    {
        if (NetworkCarbon == NetworkCarbon.Endpoints)
        {
            return Forecast.GridIntensityGPerKwh(site, NowUtc, atUtc);
        }

        double sum = 0;
        for (int s = 0; s < Sites.Count; s++)
        {
            sum += Forecast.GridIntensityGPerKwh(s, NowUtc, atUtc);
        }

        return sum / Sites.Count;
    }

    /// <summary>
    /// The least forecast surplus at <paramref name="site"/> over this epoch and the hour after it (W), so that a round
    /// still running when the epoch ends is covered too.
    /// </summary>
    public double MinSurplusOverEpochW(int site)
    {
        double min = double.PositiveInfinity;
        DateTimeOffset end = NowUtc + Epoch + TimeSpan.FromHours(1);
        for (DateTimeOffset t = NowUtc; t < end; t += TimeSpan.FromHours(1))
        {
            min = Math.Min(min, Forecast.SurplusW(site, NowUtc, t));
        }

        return Math.Min(min, Forecast.SurplusW(site, NowUtc, end));
    }
}
