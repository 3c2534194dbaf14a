using Google.OrTools.Sat;
using Verdant.Core.Energy;

namespace Verdant.Core.Policies;

/// <summary>
/// A site's battery in the planner's CP-SAT model, per hourly slot: charge c[t] (W, from renewable surplus only, at most
/// the charge limit), discharge d[t] (W, at most the discharge limit), and the state of charge (Wh) between
/// capacity x min SoC and capacity, with 1000 soc[t+1] &lt;= 1000 soc[t] + eta_permille c[t] - 1000 d[t] (round-trip losses
/// taken on charge; the inequality lets rounding waste a fraction of a Wh, never create one).
/// </summary>
/// <remarks>
/// Policies do not see the battery's present charge, so the plan assumes it starts at its minimum and only counts on
/// energy it stores itself within the horizon: conservative, it never promises grid-free slots on energy that is not there.
/// </remarks>
internal sealed class PlannerBattery
{
    private PlannerBattery(IntVar[] charge, IntVar[] discharge)
    {
        Charge = charge;
        Discharge = discharge;
    }

    public IntVar[] Charge { get; }

    public IntVar[] Discharge { get; }

    /// <summary>
    /// Slot <paramref name="t"/>'s power balance with the battery: r, the surplus the units use, is at most the surplus and
    /// their demand; the grid covers demand - r - discharge; only the surplus the units leave charges the battery.
    /// </summary>
    public void Balance(CpModel model, int t, LinearExpr demandW, IntVar gridW, long surplusW)
    {
        IntVar used = model.NewIntVar(0, surplusW, $"r{Charge[t].Name()}");
        model.Add(used <= demandW);
        model.Add(gridW >= demandW - used - Discharge[t]);
        model.Add(Charge[t] <= surplusW - used);
    }

    /// <summary>Adds site <paramref name="site"/>'s battery variables to <paramref name="model"/>; null when it has none.</summary>
    public static PlannerBattery? Add(CpModel model, PlannerProblem problem, int site)
    {
        BatterySpec? spec = problem.Slots.Batteries.Length > site ? problem.Slots.Batteries[site] : null;
        if (spec is null || spec.CapacityKwh <= 0)
        {
            return null;
        }

        PlannerSlots slots = problem.Slots;
        long capacityWh = (long)Math.Floor(spec.CapacityKwh * 1000);
        long floorWh = (long)Math.Ceiling(spec.CapacityKwh * spec.MinSocFraction * 1000);
        long eta = (long)Math.Floor(spec.RoundTripEfficiency * 1000);
        var charge = new IntVar[slots.Slots];
        var discharge = new IntVar[slots.Slots];
        IntVar soc = model.NewConstant(floorWh);
        for (int t = 0; t < slots.Slots; t++)
        {
            charge[t] = model.NewIntVar(0, Math.Min((long)(spec.MaxChargeKw * 1000), problem.SurplusW(site, t)), $"c{site}_{t}");
            discharge[t] = model.NewIntVar(0, (long)(spec.MaxDischargeKw * 1000), $"d{site}_{t}");
            IntVar next = model.NewIntVar(floorWh, capacityWh, $"soc{site}_{t}");
            model.Add((1000 * next) <= (1000 * soc) + (eta * charge[t]) - (1000 * discharge[t]));
            soc = next;
        }

        return new PlannerBattery(charge, discharge);
    }
}
