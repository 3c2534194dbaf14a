using Google.OrTools.Sat;

namespace Verdant.Core.Policies;

/// <summary>
/// Solves a <see cref="PlannerProblem"/> exactly with CP-SAT: integer units n[s,t], grid watts
/// g[s,t] &gt;= n P - surplus + charge - discharge (battery terms where the site has one, <see cref="PlannerBattery"/>),
/// a per-slot on/off so a training slot holds between the minimum and maximum count, the required unit-slots, and the
/// objective sum g x intensity - sum n x time reward.
/// </summary>
/// <remarks>
/// Google OR-Tools CP-SAT (Perron and Didier, "CP-SAT", Google, 2024), one worker and a deterministic time limit so the
/// same input gives the same plan on any machine and load. Returns the first slot's units per site, or null when the
/// solver finds no solution in its limit.
/// </remarks>
public static class PlannerSolver
{
    /// <summary>The plan's first-slot unit counts per site, and whether it was proven optimal; null counts when unsolved.</summary>
    /// <remarks>Objective: the plan's grid carbon minus its time reward, in the problem's milligram units.</remarks>
    public static (int[]? Counts, bool Optimal, double Objective) SolveInteger(PlannerProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlannerSlots slots = problem.Slots;
        var model = new CpModel();
        var n = new IntVar[slots.Sites, slots.Slots];
        var variables = new List<IntVar>();
        var coefficients = new List<long>();
        var all = new List<IntVar>();
        PlannerBattery?[] batteries = [.. Enumerable.Range(0, slots.Sites).Select(s => PlannerBattery.Add(model, problem, s))];
        for (int t = 0; t < slots.Slots; t++)
        {
            var inSlot = new List<IntVar>();
            for (int s = 0; s < slots.Sites; s++)
            {
                long power = problem.PowerW(s);
                n[s, t] = model.NewIntVar(0, slots.UnitsAtSite[s], $"n{s}_{t}");
                IntVar grid = model.NewIntVar(0, slots.UnitsAtSite[s] * power, $"g{s}_{t}");
                if (batteries[s] is { } battery)
                {
                    battery.Balance(model, t, n[s, t] * power, grid, problem.SurplusW(s, t));
                }
                else
                {
                    model.Add(grid >= (n[s, t] * power) - problem.SurplusW(s, t));
                }
                variables.Add(grid);
                coefficients.Add(problem.GridCoefficient(s, t));
                variables.Add(n[s, t]);
                coefficients.Add(problem.UnitCoefficient(s, t));
                inSlot.Add(n[s, t]);
                all.Add(n[s, t]);
            }

            BoolVar on = model.NewBoolVar($"on{t}");
            model.Add(LinearExpr.Sum(inSlot) <= problem.MaxUnits * on);
            model.Add(LinearExpr.Sum(inSlot) >= problem.MinUnits * on);
        }

        model.Add(LinearExpr.Sum(all) >= problem.RequiredUnitSlots);
        model.Minimize(LinearExpr.WeightedSum(variables, coefficients));
        var solver = new CpSolver
        {
            StringParameters = CpSatParameters.Deterministic(problem.DeterministicSeconds, relativeGap: 0.005),
        };
        CpSolverStatus status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (null, false, double.NaN);
        }

        int[] counts = [.. Enumerable.Range(0, slots.Sites).Select(s => (int)solver.Value(n[s, 0]))];
        return (counts, status == CpSolverStatus.Optimal, solver.ObjectiveValue);
    }
}
