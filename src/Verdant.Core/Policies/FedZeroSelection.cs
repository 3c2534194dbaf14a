using Google.OrTools.Sat;

namespace Verdant.Core.Policies;

/// <summary>
/// FedZero's selection program for one round length: choose exactly n of the qualifying units and their energy per slot so
/// that every site's use stays within its forecast renewable excess, each chosen unit gets at least its minimum work, and
/// the utility-weighted energy (a proxy for work done) is largest.
/// </summary>
/// <remarks>
/// Wiesner, Khalili, Grinwald, Agrawal, Thamsen and Kao, "FedZero: Leveraging Renewable Excess Energy in Federated
/// Learning", ACM e-Energy 2024, Section 4 (solved there with Gurobi, here with OR-Tools CP-SAT on watt-hours). One
/// worker and a deterministic time limit make the choice reproducible.
/// </remarks>
public static class FedZeroSelection
{
    /// <summary>
    /// The chosen unit indices (into <paramref name="candidates"/>), or null when no choice of exactly
    /// <paramref name="n"/> fits the budgets.
    /// </summary>
    /// <param name="candidates">Qualifying units.</param>
    /// <param name="utility">Integer utility per candidate.</param>
    /// <param name="slots">Forecast per site and hourly slot; the first <paramref name="hours"/> slots are the round.</param>
    /// <param name="hours">Round length in hourly slots.</param>
    /// <param name="minWorkWh">Least energy (Wh) each chosen candidate must be able to spend on work.</param>
    /// <param name="n">Units to choose.</param>
    /// <param name="deterministicSeconds">CP-SAT deterministic time limit.</param>
    public static int[]? Choose(IReadOnlyList<UnitView> candidates, long[] utility, PlannerSlots slots, int hours,
        long[] minWorkWh, int n, double deterministicSeconds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(utility);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(minWorkWh);
        var model = new CpModel();
        var chosen = new BoolVar[candidates.Count];
        var energy = new List<IntVar>[slots.Sites * hours];
        var terms = new List<IntVar>();
        var weights = new List<long>();
        for (int i = 0; i < candidates.Count; i++)
        {
            UnitView unit = candidates[i];
            long powerWh = (long)Math.Ceiling(unit.TrainingPowerW);
            chosen[i] = model.NewBoolVar($"b{i}");
            var own = new List<IntVar>();
            for (int t = 0; t < hours; t++)
            {
                IntVar m = model.NewIntVar(0, powerWh, $"m{i}_{t}");
                model.Add(m <= powerWh * chosen[i]);
                (energy[(unit.Site * hours) + t] ??= []).Add(m);
                own.Add(m);
                terms.Add(m);
                weights.Add(utility[i]);
            }

            model.Add(LinearExpr.Sum(own) >= minWorkWh[i] * chosen[i]);
        }

        for (int s = 0; s < slots.Sites; s++)
        {
            for (int t = 0; t < hours; t++)
            {
                if (energy[(s * hours) + t] is { } used)
                {
                    model.Add(LinearExpr.Sum(used) <= (long)Math.Floor(slots.SurplusW[s, t]));
                }
            }
        }

        model.Add(LinearExpr.Sum(chosen) == n);
        model.Maximize(LinearExpr.WeightedSum(terms, weights));
        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:1 max_deterministic_time:{deterministicSeconds} max_time_in_seconds:30"),
        };
        CpSolverStatus status = solver.Solve(model);
        return status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? [.. Enumerable.Range(0, chosen.Length).Where(i => solver.BooleanValue(chosen[i]))]
            : null;
    }
}
