using System.Globalization;

namespace Verdant.Core.Policies;

/// <summary>
/// CarbonScaler's greedy marginal-value scaling: plan units per future hourly slot, one at a time, where the next unit buys
/// the most progress per gram of CO2eq, until the plan covers the remaining work; run the current slot's plan; re-plan
/// every epoch.
/// </summary>
/// <remarks>
/// Hanafy, Liang, Bashir, Irwin and Shenoy, "CarbonScaler: Leveraging Cloud Workload Elasticity for Optimizing
/// Carbon-Efficiency", SIGMETRICS 2023. Value of the k-th unit in slot t = marginal throughput(k), from a throughput
/// profile per allocation size as CarbonScaler's (rounds per hour by <see cref="PlannerSlots.RoundsPerHour"/>, the
/// simulation's round-time model, times the progress per round of <see cref="ProgressModel"/>, in node-rounds via
/// <see cref="ProgressModel.NodeRoundEquivalent"/>) / (marginal grid power(k) x forecast intensity(t)); within a slot the next unit is the one with the lowest marginal carbon per FLOP, the
/// renewable surplus stacked first and counted as free (<see cref="MarginalCarbon"/>). Remaining work comes from
/// <see cref="WorkEstimator"/> (bounded). The plan reaches to the scenario's deadline (or an optional
/// <see cref="PolicyOptions.CarbonScalerHorizonHours"/> cap) and stays within the rounds the stop rule leaves; when even
/// every unit in every slot falls short, the reason says so and slot 0 of that greedy plan runs (which, under the round
/// budget, may be fewer than every unit). The estimated total work only ratchets up: remaining work shrinks only by work
/// done, so a noisy evaluation cannot make the plan defer more, and nothing changes while no evaluation arrives. With
/// <see cref="PolicyOptions.CarbonScalerJobNodeRounds"/> the job's length is known, as in the paper.
/// </remarks>
public sealed class CarbonScalerPolicy(PolicyOptions options) : IAllocationPolicy
{
    private const int NoDeadlineHours = 168;
    private readonly PolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly DataCoverage _coverage = new(options);
    private double _totalNodeRounds;

    /// <inheritdoc />
    public string Name => "carbonscaler";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Without a deadline there is nothing to plan to; a week stands in.
        int cap = context.DeadlineUtc == DateTimeOffset.MaxValue ? Math.Min(NoDeadlineHours, _options.CarbonScalerHorizonHours)
            : _options.CarbonScalerHorizonHours;
        PlannerSlots slots = PlannerSlots.Build(context, cap);
        WorkEstimate work = Remaining(context);
        if (work.RemainingNodeRounds <= 0)
        {
            return new Allocation(new bool[context.Units.Count], "target reached: nothing left to plan");
        }

        var plan = new Plan(context, slots, work.ReferenceUnits);
        plan.FillUntil(work.RemainingNodeRounds);
        // Which units of a site run is the data-coverage choice (stalest first); how many stays the greedy plan's.
        bool[] active = PlannerSlots.ActivateFirst(context, plan.SlotCounts(0), _coverage.WithinSiteOrder(context));
        _coverage.Record(context, active);
        double shortBy = work.RemainingNodeRounds - plan.PlannedNodeRounds;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{plan.UnitsInSlot(0)} units now; {plan.PlannedNodeRounds:0} of {work.RemainingNodeRounds:0} node-rounds planned over {slots.Slots} h ({work.Basis})");
        return shortBy > 1e-9
            ? new Allocation(active, string.Create(CultureInfo.InvariantCulture, $"deadline too tight: short by {shortBy:0} node-rounds; {summary}"))
            : new Allocation(active, summary);
    }

    /// <summary>
    /// Remaining node-rounds: the known job length less the work done (never below the estimator's floor while the target
    /// is not reached), or the estimate, with the estimated total held at its largest so far.
    /// </summary>
    private WorkEstimate Remaining(PolicyContext context)
    {
        WorkEstimate work = WorkEstimator.Estimate(context, _options.WorkPriorNodeRounds, context.Units.Count);
        if (work.RemainingNodeRounds <= 0)
        {
            return work;
        }

        double done = context.History.Count > 0 ? context.History[^1].NodeRounds : 0;
        double floor = WorkEstimator.MinRemainingRounds * work.ReferenceUnits;
        if (_options.CarbonScalerJobNodeRounds > 0)
        {
            return work with { RemainingNodeRounds = Math.Max(floor, _options.CarbonScalerJobNodeRounds - done), Basis = "known job length" };
        }

        _totalNodeRounds = Math.Max(_totalNodeRounds, done + work.RemainingNodeRounds);
        return work with { RemainingNodeRounds = _totalNodeRounds - done };
    }

    /// <summary>The greedy plan: units per site and slot, and the best next unit of every slot.</summary>
    private sealed class Plan
    {
        private readonly PlannerSlots _slots;
        private readonly double _referenceUnits;
        private readonly int _batch;
        private readonly double _noise;
        private readonly double _roundBudget;
        private readonly double[] _siteFlops;
        private readonly int[,] _counts;
        private readonly int[] _k;
        private readonly (int Site, double Ratio, double Gain)[] _next;

        public Plan(PolicyContext context, PlannerSlots slots, double referenceUnits)
        {
            _slots = slots;
            _referenceUnits = referenceUnits;
            _batch = context.BatchSize;
            _noise = context.Progress.NoiseScale;
            _roundBudget = context.RemainingRounds;
            _siteFlops = new double[slots.Sites];
            foreach (UnitView unit in context.Units)
            {
                _siteFlops[unit.Site] = Math.Max(_siteFlops[unit.Site], unit.SustainedFlops);
            }

            _counts = new int[slots.Sites, slots.Slots];
            _k = new int[slots.Slots];
            _next = new (int, double, double)[slots.Slots];
            for (int t = 0; t < slots.Slots; t++)
            {
                _next[t] = BestNext(t);
            }
        }

        public double PlannedNodeRounds { get; private set; }

        /// <summary>Training rounds the plan runs: its slots' rounds per hour, summed.</summary>
        public double PlannedRounds { get; private set; }

        public int UnitsInSlot(int t) => _k[t];

        public int[] SlotCounts(int t) => [.. Enumerable.Range(0, _slots.Sites).Select(s => _counts[s, t])];

        public void FillUntil(double needed)
        {
            while (PlannedNodeRounds < needed)
            {
                int best = -1;
                for (int t = 0; t < _next.Length; t++)
                {
                    // Strictly lower wins, so ties go to the earlier slot. Once the plan's rounds fill the run's round
                    // budget (its stop rule) no more units are a way to finish; the slot that crosses it still counts, or
                    // a budget smaller than one slot's rounds would plan nothing and the run would wait to its deadline.
                    if (_next[t].Site >= 0 && (best < 0 || _next[t].Ratio < _next[best].Ratio) && PlannedRounds < _roundBudget)
                    {
                        best = t;
                    }
                }

                if (best < 0)
                {
                    return;
                }

                PlannedRounds += AddedRounds(best);
                _counts[_next[best].Site, best]++;
                _k[best]++;
                PlannedNodeRounds += _next[best].Gain;
                _next[best] = BestNext(best);
            }
        }

        private double AddedRounds(int t) => _slots.RoundsPerHour(_k[t] + 1) - _slots.RoundsPerHour(_k[t]);

        private (int Site, double Ratio, double Gain) BestNext(int t)
        {
            int site = -1;
            double bestPerFlop = double.PositiveInfinity;
            for (int s = 0; s < _slots.Sites; s++)
            {
                if (_counts[s, t] < _slots.UnitsAtSite[s])
                {
                    double perFlop = _slots.MarginalGramsPerHour(s, t, _counts[s, t]) / _siteFlops[s];
                    if (perFlop < bestPerFlop)
                    {
                        (site, bestPerFlop) = (s, perFlop);
                    }
                }
            }

            if (site < 0)
            {
                return (-1, double.PositiveInfinity, 0);
            }

            // CarbonScaler's marginal capacity: throughput of k + 1 units less that of k, by the throughput profile.
            int k = _k[t];
            double gain = (_slots.RoundsPerHour(k + 1) * ProgressModel.NodeRoundEquivalent(k + 1, _referenceUnits, _batch, _noise))
                - (_slots.RoundsPerHour(k) * ProgressModel.NodeRoundEquivalent(k, _referenceUnits, _batch, _noise));
            if (!(gain > 0))
            {
                return (-1, double.PositiveInfinity, 0);
            }

            return (site, _slots.MarginalGramsPerHour(site, t, _counts[site, t]) / gain, gain);
        }
    }
}
