namespace Verdant.Core.Energy;

public sealed partial class EnergyLedger
{
    /// <summary>Whose grid intensity prices network energy (<see cref="NetworkCarbon.Endpoints"/> unless set).</summary>
    public NetworkCarbon NetworkCarbon { get; init; } = NetworkCarbon.Endpoints;

    /// <summary>
    /// The intensity network energy at <paramref name="site"/>'s end is priced at in <paramref name="hour"/>: that site's
    /// grid, or the hour's mean over all sites (<see cref="NetworkCarbon"/>).
    /// </summary>
    public double NetworkIntensityGPerKwh(int site, int hour)
    {
        if (NetworkCarbon == NetworkCarbon.Endpoints)
        {
            return Account(site).IntensityGPerKwh(hour);
        }

        double sum = 0;
        foreach (SiteAccount account in _accounts)
        {
            sum += account.IntensityGPerKwh(hour);
        }

        return sum / _accounts.Length;
    }

    /// <summary>
    /// Charges network energy whose carbon follows <paramref name="gridSite"/>'s grid intensity (or the fleet mean), spread evenly over the
    /// interval: all of it from the grid, none from any site's renewables or battery. Callers split a message's energy
    /// between the sending and the receiving site's grids (docs/energy-model.md). Any time order is accepted.
    /// </summary>
    public ChargeResult ChargeNetwork(int gridSite, DateTimeOffset startUtc, double durationS, double energyKwh)
    {
        SiteAccount account = Account(gridSite);
        CheckAmount(durationS, energyKwh);
        double startS = (startUtc - StartUtc).Ticks / (double)TimeSpan.TicksPerSecond;
        double endS = startS + durationS;
        if (startS < 0 || endS > _network.Hours * SecondsPerHour || startS >= _network.Hours * SecondsPerHour)
        {
            throw new ArgumentOutOfRangeException(nameof(startUtc),
                $"Network charge at {startUtc:O} lies outside the ledger's {_network.Hours}-hour horizon.");
        }

        double carbonG = 0, allocated = 0;
        for (double t = startS; ;)
        {
            int hour = Math.Min((int)Math.Floor(t / SecondsPerHour), _network.Hours - 1);
            double pieceEnd = Math.Min(endS, (hour + 1) * SecondsPerHour);
            double piece = pieceEnd >= endS ? energyKwh - allocated : energyKwh * ((pieceEnd - t) / durationS);
            carbonG += _network.Add(hour, piece, NetworkIntensityGPerKwh(gridSite, hour));
            allocated += piece;
            t = pieceEnd;
            if (t >= endS)
            {
                break;
            }
        }

        _grid += energyKwh;
        _carbonG += carbonG;
        _byUse[(int)EnergyUse.Network] += energyKwh;
        _carbonByUse[(int)EnergyUse.Network] += carbonG;
        return new ChargeResult(0, 0, energyKwh, carbonG);
    }

    /// <summary>Network energy per closed hour (every hour before <see cref="Close"/>'s end, energy or not).</summary>
    public IReadOnlyList<NetworkHourRecord> NetworkRows()
        => [.. Enumerable.Range(0, _closedHours).Select(k => _network.Row(StartUtc + TimeSpan.FromHours(k), k))];
}
