namespace Verdant.Core.Energy;

/// <summary>
/// Energy by site x hour x source. A charge spread over [start, start + duration) is split across the hours it spans;
/// within an hour, demand is served by the renewable surplus left after background load, then by the battery, then by
/// the grid; when the clock leaves an hour, leftover surplus charges the battery. Carbon = grid kWh x that hour's intensity.
/// </summary>
/// <remarks>
/// A site's hours before the hour of its latest charge are finalized when that charge arrives, and all hours before
/// <see cref="Close"/>'s end; a finalized hour takes no more charges. Battery: discharge counted at the battery's output,
/// limited by MaxDischargeKw x 1 h per hour, by MaxDischargeKw x the share of the hour left after the piece starts, and
/// by the stored energy above the minimum; charge counted at the input, limited by MaxChargeKw x 1 h and the room left;
/// losses sqrt(eta) each way. Network energy has its own account (<see cref="ChargeNetwork"/>): never served by a site's
/// renewables or battery, always grid. Accounting rules in docs/energy-model.md.
/// </remarks>
public sealed partial class EnergyLedger
{
    private const double SecondsPerHour = 3600;

    private readonly SiteAccount[] _accounts;
    private readonly NetworkAccount _network;
    private readonly double[] _byUse = new double[4];
    private readonly double[] _carbonByUse = new double[4];
    private int _closedHours;
    private double _renewable;
    private double _battery;
    private double _grid;
    private double _carbonG;

    /// <summary>Creates a ledger over the sites' supplies from <paramref name="startUtc"/>.</summary>
    public EnergyLedger(IReadOnlyList<SiteSupply> sites, DateTimeOffset startUtc)
    {
        ArgumentNullException.ThrowIfNull(sites);
        StartUtc = startUtc.ToUniversalTime();
        _accounts = new SiteAccount[sites.Count];
        for (int i = 0; i < sites.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(sites[i]);
            _accounts[i] = new SiteAccount(sites[i], StartUtc);
        }

        _network = new NetworkAccount(_accounts.Length > 0 ? _accounts.Min(a => a.Hours) : 0);
    }

    /// <summary>Start of the ledger's first hour.</summary>
    public DateTimeOffset StartUtc { get; }

    /// <summary>Number of sites.</summary>
    public int SiteCount => _accounts.Length;

    /// <summary>
    /// Charges <paramref name="energyKwh"/> to <paramref name="site"/>, spread evenly over the interval. Charges must come in
    /// non-decreasing start time. Returns how it was served.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="use"/> is <see cref="EnergyUse.Network"/>: use <see cref="ChargeNetwork"/>.</exception>
    public ChargeResult Charge(int site, DateTimeOffset startUtc, double durationS, double energyKwh, EnergyUse use)
    {
        if (use == EnergyUse.Network)
        {
            throw new ArgumentException("Network energy is behind no site's meter: charge it with ChargeNetwork.", nameof(use));
        }

        SiteAccount account = Account(site);
        CheckAmount(durationS, energyKwh);

        long startTicks = (startUtc - StartUtc).Ticks;
        double startS = startTicks / (double)TimeSpan.TicksPerSecond;
        double endS = startS + durationS;
        int firstHour = (int)Math.Floor(startS / SecondsPerHour);
        CheckOrder(site, account, startUtc, startTicks, firstHour, endS);

        account.LastStartTicks = startTicks;
        account.FinalizeBefore(firstHour);
        double renewable = 0, battery = 0, grid = 0, carbonG = 0;
        if (durationS == 0)
        {
            account.Serve(firstHour, startS, energyKwh, ref renewable, ref battery, ref grid, ref carbonG);
        }
        else
        {
            SpreadOverHours(account, startS, endS, energyKwh, ref renewable, ref battery, ref grid, ref carbonG);
        }

        _renewable += renewable;
        _battery += battery;
        _grid += grid;
        _carbonG += carbonG;
        _byUse[(int)use] += energyKwh;
        _carbonByUse[(int)use] += carbonG;
        return new ChargeResult(renewable, battery, grid, carbonG);
    }

    /// <summary>Renewable surplus still unused in the hour holding <paramref name="timeUtc"/> at <paramref name="site"/> (kWh).</summary>
    public double RemainingRenewableKwh(int site, DateTimeOffset timeUtc)
    {
        SiteAccount account = Account(site);
        double hours = (timeUtc - StartUtc).TotalHours;
        if (!(hours >= 0 && hours < account.Hours))
        {
            throw new ArgumentOutOfRangeException(nameof(timeUtc), $"{timeUtc:O} is outside the ledger's horizon for site {site}.");
        }

        return account.RemainingKwh((int)Math.Floor(hours));
    }

    /// <summary>Finalizes every hour before <paramref name="endUtc"/> (rounded up to the hour).</summary>
    public void Close(DateTimeOffset endUtc)
    {
        double hours = Math.Ceiling((endUtc - StartUtc).TotalHours);
        int end = (int)Math.Clamp(hours, 0, int.MaxValue);
        _closedHours = Math.Max(_closedHours, Math.Min(end, _network.Hours));
        foreach (SiteAccount account in _accounts)
        {
            account.FinalizeBefore(end);
        }
    }

    /// <summary>Running totals.</summary>
    public EnergyTotals Totals => new(_byUse.Sum(), _renewable, _battery, _grid, _byUse[(int)EnergyUse.Compute],
        _byUse[(int)EnergyUse.Network], _byUse[(int)EnergyUse.Idle], _byUse[(int)EnergyUse.Wake], _carbonG / 1000)
    {
        CarbonKgByUse = new CarbonByUse(_carbonByUse[(int)EnergyUse.Compute] / 1000, _carbonByUse[(int)EnergyUse.Idle] / 1000,
            _carbonByUse[(int)EnergyUse.Network] / 1000, _carbonByUse[(int)EnergyUse.Wake] / 1000),
    };


    /// <summary>Finalized rows, by site then hour.</summary>
    public IReadOnlyList<SiteHourRecord> Rows()
    {
        var rows = new List<SiteHourRecord>(_accounts.Sum(a => a.Finalized));
        for (int site = 0; site < _accounts.Length; site++)
        {
            for (int k = 0; k < _accounts[site].Finalized; k++)
            {
                rows.Add(_accounts[site].Row(site, StartUtc + TimeSpan.FromHours(k), k));
            }
        }

        return rows;
    }

    private SiteAccount Account(int site)
    {
        if ((uint)site >= (uint)_accounts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(site), site, $"Site index must lie in [0, {_accounts.Length}).");
        }

        return _accounts[site];
    }

    private static void CheckAmount(double durationS, double energyKwh)
    {
        if (!(durationS >= 0) || !double.IsFinite(durationS) || !(energyKwh >= 0) || !double.IsFinite(energyKwh))
        {
            throw new ArgumentOutOfRangeException(nameof(energyKwh),
                $"Duration ({durationS} s) and energy ({energyKwh} kWh) must be finite and >= 0.");
        }
    }

    private static void CheckOrder(int site, SiteAccount account, DateTimeOffset startUtc, long startTicks, int firstHour, double endS)
    {
        if (startTicks < 0 || firstHour >= account.Hours || endS > account.Hours * SecondsPerHour)
        {
            throw new ArgumentOutOfRangeException(nameof(startUtc),
                $"Charge at {startUtc:O} for site {site} lies outside the ledger's {account.Hours}-hour horizon.");
        }

        if (startTicks < account.LastStartTicks)
        {
            throw new InvalidOperationException(
                $"Charge at {startUtc:O} for site {site} is out of time order: an earlier charge started later.");
        }

        if (firstHour < account.Finalized)
        {
            throw new InvalidOperationException($"Charge at {startUtc:O} for site {site} falls in an hour already closed.");
        }

    }

    private static void SpreadOverHours(SiteAccount account, double startS, double endS, double energyKwh,
        ref double renewable, ref double battery, ref double grid, ref double carbonG)
    {
        double duration = endS - startS;
        double allocated = 0;
        double t = startS;
        while (t < endS)
        {
            int hour = (int)Math.Floor(t / SecondsPerHour);
            double pieceEnd = Math.Min(endS, (hour + 1) * SecondsPerHour);
            // The last piece takes the remainder so the pieces add up to the charge exactly.
            double piece = pieceEnd >= endS ? energyKwh - allocated : energyKwh * ((pieceEnd - t) / duration);
            account.Serve(hour, t, piece, ref renewable, ref battery, ref grid, ref carbonG);
            allocated += piece;
            t = pieceEnd;
        }
    }
}
