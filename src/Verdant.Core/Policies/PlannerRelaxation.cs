using Google.OrTools.LinearSolver;

namespace Verdant.Core.Policies;

/// <summary>
/// Solves the linear relaxation of a <see cref="PlannerProblem"/> with GLOP and rounds the first slot: for instances too
/// large to solve exactly every epoch.
/// </summary>
/// <remarks>
/// Google OR-Tools GLOP (primal-dual simplex). The relaxation drops integrality and the per-slot minimum count; the first
/// slot's fractional counts are rounded to the nearest integer, then cut to the slot maximum, lowest-carbon sites kept.
/// </remarks>
public static class PlannerRelaxation
{
    /// <summary>The relaxed plan's first-slot unit counts per site, rounded; null when GLOP finds no optimum.</summary>
    public static int[]? Solve(PlannerProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlannerSlots slots = problem.Slots;
        using Solver solver = Solver.CreateSolver("GLOP");
        var n = new Variable[slots.Sites, slots.Slots];
        Objective objective = solver.Objective();
        Constraint work = solver.MakeConstraint(problem.RequiredUnitSlots, double.PositiveInfinity, "work");
        for (int t = 0; t < slots.Slots; t++)
        {
            Constraint cap = solver.MakeConstraint(0, problem.MaxUnits, $"k{t}");
            for (int s = 0; s < slots.Sites; s++)
            {
                n[s, t] = solver.MakeNumVar(0, slots.UnitsAtSite[s], $"n{s}_{t}");
                Variable grid = solver.MakeNumVar(0, double.PositiveInfinity, $"g{s}_{t}");
                Constraint draw = solver.MakeConstraint(-problem.SurplusW(s, t), double.PositiveInfinity, $"d{s}_{t}");
                draw.SetCoefficient(grid, 1);
                draw.SetCoefficient(n[s, t], -problem.PowerW(s));
                cap.SetCoefficient(n[s, t], 1);
                work.SetCoefficient(n[s, t], 1);
                objective.SetCoefficient(grid, problem.GridCoefficient(s, t));
                objective.SetCoefficient(n[s, t], -problem.TimeRewardMg[t]);
            }
        }

        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        int[] counts = [.. Enumerable.Range(0, slots.Sites).Select(s => (int)Math.Round(n[s, 0].SolutionValue()))];
        TrimToMax(counts, problem);
        return counts;
    }

    private static void TrimToMax(int[] counts, PlannerProblem problem)
    {
        int excess = counts.Sum() - problem.MaxUnits;
        if (excess <= 0)
        {
            return;
        }

        foreach (int s in Enumerable.Range(0, counts.Length).OrderByDescending(s => problem.GridCoefficient(s, 0)))
        {
            int cut = Math.Min(excess, counts[s]);
            counts[s] -= cut;
            excess -= cut;
            if (excess <= 0)
            {
                return;
            }
        }
    }
}
