namespace Verdant.Core.Policies;

/// <summary>
/// Whose data the model has learned lately: remembers when each unit last trained under this policy, and turns that into
/// a ranking that trades carbon against staleness, so that a policy choosing a subset keeps every unit's shard in play.
/// </summary>
/// <remarks>
/// <para>With label skew, a policy that keeps picking the same green units trains only on their data, and the model
/// never learns what the others hold. Partial-participation analyses (Li, Huang, Yang, Wang and Zhang, "On the
/// Convergence of FedAvg on Non-IID Data", ICLR 2020) need every unit to take part with a fair long-run share; here a unit's
/// priority grows with the time since it last trained.</para>
/// <para>The score follows Oort (Lai, Zhu, Madhyastha and Chowdhury, OSDI 2021), which multiplies a client's statistical
/// utility by a staleness bonus and a system penalty. Here the system penalty is the marginal carbon per FLOP g_i
/// (<see cref="MarginalCarbon"/>) and the staleness bonus is 1 + s_i / S: units are ranked by
/// g_i / (1 + s_i / S), where s_i is the hours since unit i last trained and S the coverage time scale
/// (<see cref="PolicyOptions.CoverageHours"/>). A unit r times dirtier than the cleanest candidate wins a place after
/// (r - 1) S hours away, so dirty units are visited rarely but surely, at their cleanest hours. Equally green units
/// (in particular every unit on renewable surplus, g = 0) rotate: the stalest goes first, as FedZero's blocklist and
/// participation tie-break do (Wiesner et al., e-Energy 2024). Within a site, the surplus is stacked onto the stalest
/// units first. Never-trained units count as stale since the run began, plus S.</para>
/// <para>S shrinks as data heterogeneity grows: S = <see cref="PolicyOptions.CoverageHours"/> x
/// min(1, <see cref="PolicyOptions.CoverageNoiseRatio"/> x (B / b) / H) when both the gradient noise scale B (examples,
/// b the local batch) and the between-node heterogeneity H = zeta^2 / |G|^2 are measured; until then the configured S is
/// used (B / b and H are what one unit adds to a round's noise and to its sampling spread, <see cref="ProgressModel"/>). With IID data
/// (H much smaller than B) ranking is by carbon, the ties rotating; with strong skew, coverage weighs more. A scale of
/// 0 switches the staleness term off (carbon order with the old index tie-break), for measuring what it buys.</para>
/// </remarks>
public sealed class DataCoverage(PolicyOptions options)
{
    private readonly PolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private DateTimeOffset[] _lastTrainedUtc = [];
    private DateTimeOffset _firstUtc;

    /// <summary>Whether the staleness term is on.</summary>
    public bool Enabled => _options.CoverageHours > 0;

    /// <summary>Hours since each unit last trained under this policy (never-trained: since the first decision, plus S).</summary>
    public double[] StaleHours(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Ensure(context);
        double scale = ScaleHours(context);
        var hours = new double[context.Units.Count];
        for (int i = 0; i < hours.Length; i++)
        {
            hours[i] = _lastTrainedUtc[i] == DateTimeOffset.MinValue
                ? (context.NowUtc - _firstUtc).TotalHours + scale
                : (context.NowUtc - _lastTrainedUtc[i]).TotalHours;
        }

        return hours;
    }

    /// <summary>The coverage time scale S in hours for this decision (0 when off).</summary>
    public double ScaleHours(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
        {
            return 0;
        }

        // Per unit and round, sampling noise weighs B / b and heterogeneity H (ProgressModel): coverage matters as H
        // outgrows B / b.
        double noisePerUnit = context.Progress.NoiseScale / Math.Max(1, context.BatchSize);
        double heterogeneity = context.Progress.HeterogeneityScale;
        double factor = double.IsFinite(noisePerUnit) && double.IsFinite(heterogeneity) && noisePerUnit > 0 && heterogeneity > 0
            ? Math.Min(1, _options.CoverageNoiseRatio * noisePerUnit / heterogeneity)
            : 1;
        return Math.Max(_options.EpochMinutes / 60, _options.CoverageHours * factor);
    }

    /// <summary>
    /// Marginal g CO2eq per PFLOP of every unit (<see cref="MarginalCarbon"/>), the site's surplus stacked onto its stalest
    /// units first (index order when the term is off).
    /// </summary>
    public double[] MarginalCarbonPerUnit(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MarginalCarbon.ForAllUnits(context, WithinSiteOrder(context));
    }

    /// <summary>Unit indices, best first, by g / (1 + s / S); ties to the stalest, then the faster unit, then the lower index.</summary>
    public int[] Ranking(PolicyContext context, double[] carbon)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(carbon);
        if (!Enabled)
        {
            return MarginalCarbon.Ranking(context, carbon);
        }

        double[] stale = StaleHours(context);
        double scale = ScaleHours(context);
        return [.. Enumerable.Range(0, context.Units.Count)
            .OrderBy(i => carbon[i] / (1 + (stale[i] / scale)))
            .ThenByDescending(i => stale[i])
            .ThenByDescending(i => context.Units[i].SustainedFlops)
            .ThenBy(i => i)];
    }

    /// <summary>Unit indices in the order a site's units should be switched on: stalest first (index order when off).</summary>
    public int[] WithinSiteOrder(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
        {
            return [.. Enumerable.Range(0, context.Units.Count)];
        }

        double[] stale = StaleHours(context);
        return [.. Enumerable.Range(0, context.Units.Count).OrderByDescending(i => stale[i]).ThenBy(i => i)];
    }

    /// <summary>Notes the units the policy has just switched on; call once per decision with the allocation returned.</summary>
    public void Record(PolicyContext context, bool[] active)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(active);
        Ensure(context);
        for (int i = 0; i < active.Length; i++)
        {
            if (active[i])
            {
                _lastTrainedUtc[i] = context.NowUtc;
            }
        }
    }

    private void Ensure(PolicyContext context)
    {
        if (_lastTrainedUtc.Length != context.Units.Count)
        {
            _lastTrainedUtc = new DateTimeOffset[context.Units.Count];
            Array.Fill(_lastTrainedUtc, DateTimeOffset.MinValue);
            _firstUtc = context.NowUtc;
        }
    }
}
