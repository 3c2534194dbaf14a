using Google.OrTools.LinearSolver;

using Verdant.Core.Energy;

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
    public static int[]? Solve(PlannerProblem problem) => SolveWithObjective(problem).Counts;

    /// <summary>As <see cref="Solve"/>, with the relaxed optimum (carbon minus time reward, in the problem's units).</summary>
    internal static (int[]? Counts, double Objective) SolveWithObjective(PlannerProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlannerSlots slots = problem.Slots;
        using Solver solver = Solver.CreateSolver("GLOP");
        var n = new Variable[slots.Sites, slots.Slots];
        Objective objective = solver.Objective();
        Constraint work = solver.MakeConstraint(problem.RequiredUnitSlots, double.PositiveInfinity, "work");
        var socs = new Variable?[slots.Sites];
        for (int t = 0; t < slots.Slots; t++)
        {
            Constraint cap = solver.MakeConstraint(0, problem.MaxUnits, $"k{t}");
            for (int s = 0; s < slots.Sites; s++)
            {
                n[s, t] = solver.MakeNumVar(0, slots.UnitsAtSite[s], $"n{s}_{t}");
                Variable grid = solver.MakeNumVar(0, double.PositiveInfinity, $"g{s}_{t}");
                AddBalance(solver, problem, s, t, n[s, t], grid, socs);
                cap.SetCoefficient(n[s, t], 1);
                work.SetCoefficient(n[s, t], 1);
                objective.SetCoefficient(grid, problem.GridCoefficient(s, t));
                objective.SetCoefficient(n[s, t], problem.UnitCoefficient(s, t));
            }
        }

        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return (null, double.NaN);
        }

        int[] counts = [.. Enumerable.Range(0, slots.Sites).Select(s => (int)Math.Round(n[s, 0].SolutionValue()))];
        TrimToMax(counts, problem);
        return (counts, objective.Value());
    }

    // The same balance as PlannerBattery's, continuous: grid >= n P - r - d with r <= min(S, n P), c <= S - r, and the state
    // of charge chained from the minimum with losses on charge. Sites without a battery: grid >= n P - S.
    private static void AddBalance(Solver solver, PlannerProblem problem, int s, int t, Variable units, Variable grid, Variable?[] socs)
    {
        long surplus = problem.SurplusW(s, t), power = problem.PowerW(s);
        BatterySpec? battery = problem.Slots.Batteries.Length > s ? problem.Slots.Batteries[s] : null;
        if (battery is null || battery.CapacityKwh <= 0)
        {
            Constraint draw = solver.MakeConstraint(-surplus, double.PositiveInfinity, $"d{s}_{t}");
            draw.SetCoefficient(grid, 1);
            draw.SetCoefficient(units, -power);
            return;
        }

        double floorWh = battery.CapacityKwh * battery.MinSocFraction * 1000;
        Variable used = solver.MakeNumVar(0, surplus, $"r{s}_{t}");
        Variable charge = solver.MakeNumVar(0, battery.MaxChargeKw * 1000, $"c{s}_{t}");
        Variable discharge = solver.MakeNumVar(0, battery.MaxDischargeKw * 1000, $"x{s}_{t}");
        Variable next = solver.MakeNumVar(floorWh, battery.CapacityKwh * 1000, $"soc{s}_{t}");
        Constraint usedLimit = solver.MakeConstraint(double.NegativeInfinity, 0, $"ru{s}_{t}");
        usedLimit.SetCoefficient(used, 1);
        usedLimit.SetCoefficient(units, -power);
        Constraint balance = solver.MakeConstraint(0, double.PositiveInfinity, $"b{s}_{t}");
        balance.SetCoefficient(grid, 1);
        balance.SetCoefficient(units, -power);
        balance.SetCoefficient(used, 1);
        balance.SetCoefficient(discharge, 1);
        Constraint chargeLimit = solver.MakeConstraint(double.NegativeInfinity, surplus, $"cl{s}_{t}");
        chargeLimit.SetCoefficient(charge, 1);
        chargeLimit.SetCoefficient(used, 1);
        // next - previous - eta c + d <= 0 (previous = the floor before slot 0)
        Constraint chain = solver.MakeConstraint(double.NegativeInfinity, socs[s] is null ? floorWh : 0, $"s{s}_{t}");
        chain.SetCoefficient(next, 1);
        if (socs[s] is { } previous)
        {
            chain.SetCoefficient(previous, -1);
        }

        chain.SetCoefficient(charge, -battery.RoundTripEfficiency);
        chain.SetCoefficient(discharge, 1);
        socs[s] = next;
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
