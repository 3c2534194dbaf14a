namespace Verdant.Core.Energy;

/// <summary>
/// Energy by site x hour x source. A charge spread over [start, start + duration) is split across the hours it spans;
/// within an hour, demand is served by the renewable surplus left after background load, then by the battery, then by
/// the grid; when the clock leaves an hour, leftover surplus charges the battery. Carbon = grid kWh x that hour's intensity.
/// </summary>
public sealed class EnergyLedger
{
    /// <summary>Creates a ledger over the sites' supplies from <paramref name="startUtc"/>.</summary>
    public EnergyLedger(IReadOnlyList<SiteSupply> sites, DateTimeOffset startUtc) => throw new NotImplementedException();

    /// <summary>
    /// Charges <paramref name="energyKwh"/> to <paramref name="site"/>, spread evenly over the interval. Charges must come in
    /// non-decreasing start time. Returns how it was served.
    /// </summary>
    public ChargeResult Charge(int site, DateTimeOffset startUtc, double durationS, double energyKwh, EnergyUse use)
        => throw new NotImplementedException();

    /// <summary>Renewable surplus still unused in the hour holding <paramref name="timeUtc"/> at <paramref name="site"/> (kWh).</summary>
    public double RemainingRenewableKwh(int site, DateTimeOffset timeUtc) => throw new NotImplementedException();

    /// <summary>Finalizes every hour before <paramref name="endUtc"/> (rounded up to the hour).</summary>
    public void Close(DateTimeOffset endUtc) => throw new NotImplementedException();

    /// <summary>Running totals.</summary>
    public EnergyTotals Totals => throw new NotImplementedException();

    /// <summary>Finalized rows, by site then hour.</summary>
    public IReadOnlyList<SiteHourRecord> Rows() => throw new NotImplementedException();
}
