using Verdant.Core.Energy;
namespace Verdant.Core.Policies;

/// <summary>
/// The forecast laid out for planning: hourly slots from now to the deadline (capped), each site's renewable surplus (W)
/// and grid intensity (gCO2eq/kWh) per slot, its units and their power, and the rounds an hour holds.
/// </summary>
/// <remarks>
/// A slot's surplus is the lesser of the forecasts at its two ends (the same caution as
/// <see cref="PolicyContext.MinSurplusOverEpochW"/>); its intensity is the forecast at its start. Rounds per hour are a
/// throughput profile by unit count, from the simulation's own round-time model (<see cref="PolicyContext.RoundSeconds"/>):
/// k units are taken as the first k of the ranking by marginal carbon per FLOP, the units a plan of k would pick first,
/// so a plan sees that adding a slow or far site stretches every round.
/// </remarks>
public sealed class PlannerSlots
{
    private PlannerSlots(int slots, int sites)
    {
        SurplusW = new double[sites, slots];
        IntensityGPerKwh = new double[sites, slots];
        NetworkIntensityGPerKwh = new double[sites, slots];
        UnitsAtSite = new int[sites];
        UnitPowerW = new double[sites];
        NetworkPowerW = new double[sites];
    }

    /// <summary>Hourly slots planned over.</summary>
    public int Slots => SurplusW.GetLength(1);

    /// <summary>Sites.</summary>
    public int Sites => SurplusW.GetLength(0);

    /// <summary>Forecast surplus per site and slot (W).</summary>
    public double[,] SurplusW { get; }

    /// <summary>Forecast grid intensity per site and slot (gCO2eq/kWh).</summary>
    public double[,] IntensityGPerKwh { get; }

    /// <summary>Forecast intensity network energy is charged at, by site and slot (gCO2eq/kWh).</summary>
    public double[,] NetworkIntensityGPerKwh { get; }

    /// <summary>Units at each site.</summary>
    public int[] UnitsAtSite { get; }

    /// <summary>Training power of a unit at each site (W; the largest if they differ).</summary>
    public double[] UnitPowerW { get; }

    /// <summary>Network power a training unit at each site adds on the grid (W), which no surplus offsets.</summary>
    public double[] NetworkPowerW { get; }

    /// <summary>Each site's battery, or null.</summary>
    public BatterySpec?[] Batteries { get; private init; } = [];

    // Built on first use: fedzero reads only the surplus, and the profile costs a round-time reading per unit.
    private Lazy<double[]> _roundsPerHour = new(() => []);

    /// <summary>Training rounds in one hour with k units (index k, 0..all units; index 0 is 0).</summary>
    public double[] RoundsPerHourByCount => _roundsPerHour.Value;

    /// <summary>Training rounds in one hour with <paramref name="k"/> units (clamped to the fleet).</summary>
    public double RoundsPerHour(int k) => RoundsPerHourByCount[Math.Clamp(k, 0, RoundsPerHourByCount.Length - 1)];

    /// <summary>Hours from now to the deadline (may exceed <see cref="Slots"/>).</summary>
    public double HoursToDeadline { get; private init; }

    /// <summary>All units.</summary>
    public int TotalUnits => UnitsAtSite.Sum();

    /// <summary>Lays out up to <paramref name="capHours"/> slots from the context's forecast.</summary>
    public static PlannerSlots Build(PolicyContext context, int capHours)
    {
        ArgumentNullException.ThrowIfNull(context);
        double toDeadline = context.DeadlineUtc == DateTimeOffset.MaxValue
            ? double.PositiveInfinity
            : (context.DeadlineUtc - context.NowUtc).TotalHours;
        int slots = (int)Math.Clamp(Math.Ceiling(toDeadline), 1, Math.Max(1, capHours));
        var table = new PlannerSlots(slots, context.Sites.Count)
        {
            _roundsPerHour = new Lazy<double[]>(() => RoundsPerHourProfile(context), LazyThreadSafetyMode.None),
            HoursToDeadline = Math.Max(0, toDeadline),
            Batteries = [.. context.Sites.Select(site => site.Energy.Battery)],
        };
        foreach (UnitView unit in context.Units)
        {
            table.UnitsAtSite[unit.Site]++;
            table.UnitPowerW[unit.Site] = Math.Max(table.UnitPowerW[unit.Site], unit.TrainingPowerW);
            table.NetworkPowerW[unit.Site] = Math.Max(table.NetworkPowerW[unit.Site], unit.NetworkPowerW);
        }

        for (int s = 0; s < table.Sites; s++)
        {
            for (int t = 0; t < slots; t++)
            {
                DateTimeOffset start = context.NowUtc + TimeSpan.FromHours(t);
                table.SurplusW[s, t] = Math.Max(0, Math.Min(context.Forecast.SurplusW(s, context.NowUtc, start),
                    context.Forecast.SurplusW(s, context.NowUtc, start + TimeSpan.FromHours(1))));
                table.IntensityGPerKwh[s, t] = context.Forecast.GridIntensityGPerKwh(s, context.NowUtc, start);
                table.NetworkIntensityGPerKwh[s, t] = context.NetworkIntensityGPerKwh(s, start);
            }
        }

        return table;
    }

    private static double[] RoundsPerHourProfile(PolicyContext context)
    {
        double[] seconds = context.PrefixRoundSeconds(MarginalCarbon.Ranking(context, MarginalCarbon.ForAllUnits(context)));
        return [.. seconds.Select(s => s > 0 ? 3600 / s : 0)];
    }

    /// <summary>Grams CO2eq per hour the <paramref name="j"/>-th unit (0-based) at <paramref name="site"/> adds in <paramref name="slot"/>.</summary>
    public double MarginalGramsPerHour(int site, int slot, int j)
        => ((MarginalCarbon.GridPowerW(j, UnitPowerW[site], SurplusW[site, slot]) * IntensityGPerKwh[site, slot])
            + (NetworkPowerW[site] * NetworkIntensityGPerKwh[site, slot])) / 1000;

    /// <summary>Flags the first <c>counts[s]</c> units of every site, in node order.</summary>
    public static bool[] ActivateFirst(PolicyContext context, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivateFirst(context, counts, [.. Enumerable.Range(0, context.Units.Count)]);
    }

    /// <summary>
    /// Flags <c>counts[s]</c> units of every site, taking them in the order of <paramref name="order"/> (a permutation of the
    /// unit indices, such as <see cref="DataCoverage.WithinSiteOrder"/>: stalest first).
    /// </summary>
    public static bool[] ActivateFirst(PolicyContext context, int[] counts, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(order);
        var active = new bool[context.Units.Count];
        var taken = new int[counts.Length];
        foreach (int i in order)
        {
            UnitView unit = context.Units[i];
            if (taken[unit.Site] < counts[unit.Site])
            {
                taken[unit.Site]++;
                active[unit.Index] = true;
            }
        }

        return active;
    }
}
