using Verdant.Core.Energy;

namespace Verdant.Core.Policies;

/// <summary>
/// Marginal operational carbon of running one more unit at a site right now, counting the site's renewable surplus as
/// free: units are stacked onto the surplus first, so the j-th unit (0-based) draws max(0, min(P, (j+1) P - S)) W from the
/// grid, where P is its training power and S the surplus. Its network power is grid power whatever the surplus, counted at
/// the intensity the ledger charges network energy at (the site's, or the fleet mean).
/// </summary>
public static class MarginalCarbon
{
    /// <summary>Grid power (W) drawn by the <paramref name="j"/>-th unit of power <paramref name="unitPowerW"/> on a surplus of <paramref name="surplusW"/>.</summary>
    public static double GridPowerW(int j, double unitPowerW, double surplusW)
        => Math.Clamp(((j + 1) * unitPowerW) - Math.Max(0, surplusW), 0, unitPowerW);

    /// <summary>
    /// Grams CO2eq per PFLOP (1e15 FLOP) of the <paramref name="j"/>-th unit: grid W x intensity (g/kWh) / FLOP/s,
    /// with the network's grid power added to the unit's.
    /// </summary>
    public static double GramsPerPflop(int j, UnitView unit, double surplusW, double intensityGPerKwh)
        => GramsPerPflop(j, unit, surplusW, intensityGPerKwh, intensityGPerKwh);

    /// <summary>As above, with the network's power priced at <paramref name="networkIntensityGPerKwh"/>.</summary>
    public static double GramsPerPflop(int j, UnitView unit, double surplusW, double intensityGPerKwh, double networkIntensityGPerKwh)
    {
        ArgumentNullException.ThrowIfNull(unit);
        double gridW = GridPowerW(j, unit.TrainingPowerW, surplusW);
        double gramsPerSecond = UnitPower.ToKwh((gridW * intensityGPerKwh) + (unit.NetworkPowerW * networkIntensityGPerKwh));
        return gramsPerSecond / unit.SustainedFlops * 1e15;
    }

    /// <summary>
    /// Every unit's marginal g CO2eq per PFLOP if units at a site are added in index order, for ranking across sites.
    /// </summary>
    public static double[] ForAllUnits(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ForAllUnits(context, [.. Enumerable.Range(0, context.Units.Count)]);
    }

    /// <summary>
    /// Every unit's marginal g CO2eq per PFLOP if units at a site are added in the order of <paramref name="order"/>
    /// (a permutation of the unit indices): the site's surplus goes to the units listed first.
    /// </summary>
    public static double[] ForAllUnits(PolicyContext context, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        var result = new double[context.Units.Count];
        var seenAtSite = new int[context.Sites.Count];
        var surplusW = new double[context.Sites.Count];
        var intensity = new double[context.Sites.Count];
        // Per site, not per unit: with the fleet-mean network carbon, one network intensity reads every site.
        var networkIntensity = new double[context.Sites.Count];
        for (int s = 0; s < surplusW.Length; s++)
        {
            surplusW[s] = context.MinSurplusOverEpochW(s);
            intensity[s] = context.IntensityGPerKwh(s);
            networkIntensity[s] = context.NetworkIntensityGPerKwh(s, context.NowUtc);
        }

        foreach (int i in order)
        {
            UnitView unit = context.Units[i];
            int j = seenAtSite[unit.Site]++;
            result[i] = GramsPerPflop(j, unit, surplusW[unit.Site], intensity[unit.Site], networkIntensity[unit.Site]);
        }

        return result;
    }

    /// <summary>Unit indices from greenest to dirtiest by <paramref name="carbon"/>; ties to the faster unit, then the lower index.</summary>
    public static int[] Ranking(PolicyContext context, double[] carbon)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(carbon);
        return [.. Enumerable.Range(0, context.Units.Count)
            .OrderBy(i => carbon[i])
            .ThenByDescending(i => context.Units[i].SustainedFlops)
            .ThenBy(i => i)];
    }
}
