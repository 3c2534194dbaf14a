namespace Verdant.Core.Policies;

/// <summary>
/// One receding-horizon planning problem: the slots, the unit-count bounds per slot, the unit-slots of work required, and
/// the objective's per-unit time reward per slot (milligrams CO2eq, the carbon term's unit).
/// </summary>
/// <param name="Slots">The forecast laid out per site and hourly slot.</param>
/// <param name="MinUnits">Fewest units in a slot that trains at all.</param>
/// <param name="MaxUnits">Most units per slot (the progress-aware k, raised if the deadline needs it).</param>
/// <param name="RequiredUnitSlots">Unit-slots the plan must hold to keep pace with the deadline.</param>
/// <param name="TimeRewardMg">Per slot, what one unit's work there is worth: weight x work x (slots - t), in mg.</param>
/// <param name="DeterministicSeconds">CP-SAT deterministic time limit.</param>
public sealed record PlannerProblem(PlannerSlots Slots, int MinUnits, int MaxUnits, long RequiredUnitSlots,
    long[] TimeRewardMg, double DeterministicSeconds)
{
    /// <summary>Objective coefficient of grid watts at a site and slot: intensity in g/kWh, so W x g/kWh = mg/h.</summary>
    public long GridCoefficient(int site, int slot) => (long)Math.Round(Slots.IntensityGPerKwh[site, slot]);

    /// <summary>
    /// Objective coefficient of one unit at a site and slot: its network's grid power x intensity (mg/h; no surplus serves
    /// the network) less the slot's time reward.
    /// </summary>
    public long UnitCoefficient(int site, int slot)
        => (long)Math.Round(Slots.NetworkPowerW[site] * Slots.NetworkIntensityGPerKwh[site, slot]) - TimeRewardMg[slot];

    /// <summary>Surplus in whole watts (rounded down, so the plan never counts on a fraction it may not get).</summary>
    public long SurplusW(int site, int slot) => (long)Math.Floor(Slots.SurplusW[site, slot]);

    /// <summary>Unit power in whole watts (rounded up).</summary>
    public long PowerW(int site) => (long)Math.Ceiling(Slots.UnitPowerW[site]);
}
