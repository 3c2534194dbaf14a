namespace Verdant.Core.Policies;

/// <summary>
/// Progress- and data-aware sizing, Verdant's recommended policy. Useful progress of a round of k of n units is
/// p(k) = 1 / (1 + B / (k b) + R H (n - k) / (k (n - 1))) (B: gradient noise scale measured at a common point, b: per-unit
/// batch, H: between-node heterogeneity zeta^2 / |G|^2, R: rounds the set is kept, one epoch), and a round of a set of
/// units lasts what the simulation's own round-time model says (<see cref="PolicyContext.RoundSeconds"/>). Units are ranked
/// by marginal carbon per FLOP discounted by how long their data has been left out (<see cref="DataCoverage"/>); the policy
/// takes the shortest prefix of that ranking whose progress per hour p(k) / T(k) reaches
/// <see cref="PolicyOptions.MinSpeedFraction"/> of the whole fleet's and whose accumulated sampling spread stays at most
/// <see cref="PolicyOptions.MaxSpread"/>, then adds any further carbon-free units up to k = ceil(B / b) that do not slow
/// the round.
/// </summary>
/// <remarks>
/// McCandlish, Kaplan and Amodei, "An Empirical Model of Large-Batch Training", 2018: steps to a given loss scale as
/// S_min (1 + B / batch), so units beyond B / b buy little progress per joule, and early in training (small B) few units
/// go almost as fast as many. Before B is measured, B = 8 b is assumed; before H is, H = 1. The spread term is the
/// sampling error of k of n heterogeneous units (Li, Huang, Yang, Wang and Zhang, ICLR 2020); see
/// <see cref="ProgressModel.RoundProgress(int, int, int, double, double, double)"/>.
/// </remarks>
public sealed class AdaptivePolicy(PolicyOptions options) : IAllocationPolicy
{
    private readonly DataCoverage _coverage = new(options);

    /// <inheritdoc />
    public string Name => "adaptive";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int n = context.Units.Count;
        double measured = context.Progress.NoiseScale;
        double noise = ProgressModel.EffectiveNoiseScale(measured, context.BatchSize);
        double[] carbon = _coverage.MarginalCarbonPerUnit(context);
        int[] order = _coverage.Ranking(context, carbon);
        // Round times from the simulation's own model, for each prefix of the ranking the policy considers.
        double[] roundS = context.PrefixRoundSeconds(order);
        double Rate(int j) => Progress(context, j, noise, roundS[j]) / roundS[j];
        double fleetRate = Rate(n);
        int k = Math.Min(Math.Max(1, options.MinK), n);
        while (k < n && (Rate(k) < options.MinSpeedFraction * fleetRate || Spread(context, k, roundS[k]) > options.MaxSpread))
        {
            k++;
        }

        double roundNow = roundS[k];

        var active = new bool[n];
        // Candidates join a set timed as they come (IRoundTimeSet), not a round rebuilt for each.
        IRoundTimeSet chosen = context.OpenRoundTimeSet();
        foreach (int i in order.Take(k))
        {
            active[i] = true;
            chosen.Add(i);
        }

        int useful = (int)Math.Min(n, Math.Ceiling(noise / context.BatchSize));
        int extra = 0;
        for (int j = k; j < n && k + extra < useful; j++)
        {
            int i = order[j];
            if (carbon[i] == 0)
            {
                chosen.Add(i);
                if (chosen.Seconds() <= roundNow)
                {
                    active[i] = true;
                    extra++;
                    continue;
                }

                chosen.Remove(i);
            }
        }

        _coverage.Record(context, active);
        string b = double.IsFinite(measured) ? $"B={measured:0}" : "B not measured (8b assumed)";
        double h = context.Progress.HeterogeneityScale;
        b += double.IsFinite(h) ? $", H={h:0.00}" : ", H not measured (1 assumed)";
        return new Allocation(active, $"k={k + extra} ({k} for {options.MinSpeedFraction:0.##} of fleet speed, {extra} free extra); {b}, b={context.BatchSize}");
    }

    /// <summary>
    /// The sampling spread a set of k units accumulates over the rounds it is kept, relative to |G|^2:
    /// R H (n - k) / (k (n - 1)) (<see cref="ProgressModel.RoundProgress(int, int, int, double, double, double)"/>). Above
    /// 1 the set's summed direction errs by more than the gradient itself, so whose data it holds decides where the model
    /// goes rather than the whole fleet's objective; the policy keeps it at most <see cref="PolicyOptions.MaxSpread"/>.
    /// </summary>
    private static double Spread(PolicyContext context, int k, double roundS)
    {
        int n = context.Units.Count;
        double h = context.Progress.HeterogeneityScale;
        h = double.IsFinite(h) && h >= 0 ? h : ProgressModel.UnknownHeterogeneity;
        double rounds = Math.Max(1, context.Epoch.TotalSeconds / Math.Max(roundS, 1e-9));
        return n > 1 ? rounds * h * (n - k) / (k * (double)(n - 1)) : 0;
    }

    /// <summary>Progress of a round of the first k units, their data's heterogeneity counted once per round the set is kept.</summary>
    private static double Progress(PolicyContext context, int k, double noiseScale, double roundS)
        => ProgressModel.RoundProgress(k, context.Units.Count, context.BatchSize, noiseScale,
            context.Progress.HeterogeneityScale, context.Epoch.TotalSeconds / Math.Max(roundS, 1e-9));
}
