using System.Globalization;

namespace Verdant.Core.Policies;

/// <summary>
/// Receding-horizon planner: over the next hourly slots, how many units to run at each site so that the work due by the
/// deadline gets done for the least grid carbon (plus a small price on time); runs the first slot, re-plans every epoch.
/// </summary>
/// <remarks>
/// Model (solved by <see cref="PlannerSolver"/> with CP-SAT, or by <see cref="PlannerRelaxation"/> with GLOP when sites x
/// slots exceeds <see cref="PolicyOptions.PlannerMaxIntegerCells"/>): n[s,t] in [0, units at s]; grid draw
/// g[s,t] &gt;= n P - forecast surplus, g &gt;= 0; per slot 0 or between 2 and the progress-aware k = ceil(B / b)
/// (McCandlish et al. 2018, <see cref="ProgressModel"/>); the unit-slots x per-unit work at k cover the remaining work
/// (<see cref="WorkEstimator"/>) pro rata to the share of the time to deadline the horizon spans. Objective: sum g x
/// intensity + weight x sum over slots of the work still undone after each slot, which, up to a constant, is minus
/// weight x work x (slots - t) per unit run in slot t: earlier work is worth more. When the deadline cannot be met even by
/// every unit in every slot, the reason says "deadline infeasible: short by X node-rounds" and every unit runs now.
/// When only k is too small for the deadline, k is raised to the least count that meets it.
/// </remarks>
public sealed class PlannerPolicy(PolicyOptions options) : IAllocationPolicy
{
    private const int MinUnits = 2;
    private readonly PolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly DataCoverage _coverage = new(options);

    /// <inheritdoc />
    public string Name => "planner";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int total = context.Units.Count;
        WorkEstimate work = WorkEstimator.Estimate(context, _options.WorkPriorNodeRounds, total);
        if (work.RemainingNodeRounds <= 0 || total == 0)
        {
            return new Allocation(new bool[total], "target reached: nothing left to plan");
        }

        PlannerSlots slots = PlannerSlots.Build(context, _options.HorizonHours);
        double share = slots.HoursToDeadline > slots.Slots ? slots.Slots / slots.HoursToDeadline : 1;
        double due = work.RemainingNodeRounds * share;
        double SlotWork(int k) => slots.RoundsPerHour(k) * ProgressModel.NodeRoundEquivalent(k, work.ReferenceUnits,
            context.BatchSize, context.Progress.NoiseScale);
        double most = slots.Slots * SlotWork(total);
        if (due > most)
        {
            string reason = string.Create(CultureInfo.InvariantCulture,
                $"deadline infeasible: short by {due - most:0} node-rounds; all {total} units now");
            return new Allocation(Enumerable.Repeat(true, total).ToArray(), reason);
        }

        int useful = ProgressModel.UsefulUnits(context.Progress.NoiseScale, context.BatchSize, MinUnits, total);
        int cap = useful;
        while (slots.Slots * SlotWork(cap) < due && cap < total)
        {
            cap++;
        }

        double perUnit = SlotWork(cap) / cap;
        return Solve(context, slots, cap, due, perUnit, work, useful);
    }

    private Allocation Solve(PolicyContext context, PlannerSlots slots, int cap, double due, double perUnit,
        WorkEstimate work, int useful)
    {
        long required = (long)Math.Ceiling((due / perUnit) - 1e-9);
        long[] reward = [.. Enumerable.Range(0, slots.Slots)
            .Select(t => (long)Math.Round(1000 * _options.PlannerTimeWeight * perUnit * (slots.Slots - t)))];
        var problem = new PlannerProblem(slots, Math.Min(MinUnits, cap), cap, required, reward,
            _options.SolverDeterministicSeconds);
        string method;
        int[]? counts;
        if (slots.Sites * slots.Slots > _options.PlannerMaxIntegerCells)
        {
            counts = PlannerRelaxation.Solve(problem);
            method = "GLOP relaxation, rounded";
        }
        else
        {
            (counts, bool optimal, _) = PlannerSolver.SolveInteger(problem);
            method = optimal ? "CP-SAT optimal" : "CP-SAT feasible";
        }

        if (counts is null)
        {
            return new Allocation(Enumerable.Repeat(true, context.Units.Count).ToArray(),
                $"no plan found ({method}); all units now");
        }

        string capNote = cap > useful ? $"k raised from {useful} to {cap} for the deadline" : $"k <= {cap}";
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"{counts.Sum()} units now; {capNote}; {due:0} of {work.RemainingNodeRounds:0} node-rounds due in {slots.Slots} h ({work.Basis}); {method}");
        // Which units of a site run is the data-coverage choice (stalest first); how many stays the plan's.
        bool[] active = PlannerSlots.ActivateFirst(context, counts, _coverage.WithinSiteOrder(context));
        _coverage.Record(context, active);
        return new Allocation(active, reason);
    }
}
