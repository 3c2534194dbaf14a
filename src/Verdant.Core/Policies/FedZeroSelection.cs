using Google.OrTools.Sat;

namespace Verdant.Core.Policies;

/// <summary>
/// FedZero's selection program for one round: choose exactly n of the qualifying units and the work each does so that
/// every site's energy (work x energy per unit of work) stays within its forecast renewable excess, each chosen unit does
/// at least the minimum work and at most its capacity, and the utility-weighted work is largest.
/// </summary>
/// <remarks>
/// Wiesner, Khalili, Grinwald, Agrawal, Thamsen and Kao, "FedZero: Leveraging Renewable Excess Energy in Federated
/// Learning", ACM e-Energy 2024, Section 4: a mixed-integer program over batches per client with energy per batch from
/// the client's hardware (solved there with Gurobi, here with OR-Tools CP-SAT). One worker and a deterministic time
/// limit make the choice reproducible.
/// </remarks>
public static class FedZeroSelection
{
    /// <summary>
    /// The chosen unit indices (into <paramref name="candidates"/>), or null when no choice of exactly
    /// <paramref name="n"/> fits the budgets.
    /// </summary>
    /// <param name="candidates">Qualifying units.</param>
    /// <param name="utility">Integer utility per candidate (per unit of work).</param>
    /// <param name="workMwh">Energy of one unit of work per candidate (mWh): its hardware's efficiency.</param>
    /// <param name="capacity">Most units of work per candidate in the round.</param>
    /// <param name="budgetMwh">Forecast renewable excess per site over the round (mWh).</param>
    /// <param name="minWork">Least units of work a chosen candidate must do.</param>
    /// <param name="n">Units to choose.</param>
    /// <param name="deterministicSeconds">CP-SAT deterministic time limit.</param>
    public static int[]? Choose(IReadOnlyList<UnitView> candidates, long[] utility, long[] workMwh, long[] capacity,
        long[] budgetMwh, long minWork, int n, double deterministicSeconds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(utility);
        ArgumentNullException.ThrowIfNull(workMwh);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(budgetMwh);
        var model = new CpModel();
        var chosen = new BoolVar[candidates.Count];
        var work = new IntVar[candidates.Count];
        var energyAtSite = new List<(IntVar Work, long Mwh)>[budgetMwh.Length];
        for (int i = 0; i < candidates.Count; i++)
        {
            chosen[i] = model.NewBoolVar($"b{i}");
            work[i] = model.NewIntVar(0, capacity[i], $"m{i}");
            model.Add(work[i] <= capacity[i] * chosen[i]);
            model.Add(work[i] >= minWork * chosen[i]);
            (energyAtSite[candidates[i].Site] ??= []).Add((work[i], workMwh[i]));
        }

        for (int s = 0; s < budgetMwh.Length; s++)
        {
            if (energyAtSite[s] is { } used)
            {
                model.Add(LinearExpr.WeightedSum(used.Select(u => u.Work), used.Select(u => u.Mwh)) <= budgetMwh[s]);
            }
        }

        model.Add(LinearExpr.Sum(chosen) == n);
        model.Maximize(LinearExpr.WeightedSum(work, utility));
        var solver = new CpSolver
        {
            StringParameters = CpSatParameters.Deterministic(deterministicSeconds),
        };
        CpSolverStatus status = solver.Solve(model);
        return status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? [.. Enumerable.Range(0, chosen.Length).Where(i => solver.BooleanValue(chosen[i]))]
            : null;
    }
}
