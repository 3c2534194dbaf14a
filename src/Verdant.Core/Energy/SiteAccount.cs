namespace Verdant.Core.Energy;

/// <summary>One site's hourly books for <see cref="EnergyLedger"/>: preallocated arrays, so charging allocates nothing.</summary>
internal sealed class SiteAccount
{
    private const double SecondsPerHour = 3600;

    private readonly double[] _availableKwh;
    private readonly double[] _intensity;
    private readonly double[] _demand;
    private readonly double[] _used;
    private readonly double[] _discharge;
    private readonly double[] _grid;
    private readonly double[] _charge;
    private readonly double[] _socEnd;
    private readonly BatterySpec? _battery;
    private readonly double _sqrtEta;
    private readonly double _minSocKwh;
    private double _socKwh;

    public SiteAccount(SiteSupply supply, DateTimeOffset startUtc)
    {
        long offsetTicks = (startUtc - supply.StartUtc).Ticks;
        if (offsetTicks < 0 || offsetTicks % TimeSpan.TicksPerHour != 0 || offsetTicks / TimeSpan.TicksPerHour >= supply.Hours)
        {
            throw new ArgumentException(
                $"The ledger start {startUtc:O} must be a whole hour inside the supply [{supply.StartUtc:O}, "
                + $"{supply.RenewablePowerW.EndUtc:O}).", nameof(startUtc));
        }

        int offset = (int)(offsetTicks / TimeSpan.TicksPerHour);
        Hours = supply.Hours - offset;
        _availableKwh = new double[Hours];
        _intensity = new double[Hours];
        for (int k = 0; k < Hours; k++)
        {
            _availableKwh[k] = supply.SurplusW(offset + k) / 1000;
            _intensity[k] = supply.GridIntensityGPerKwh.Values[offset + k];
        }

        _demand = new double[Hours];
        _used = new double[Hours];
        _discharge = new double[Hours];
        _grid = new double[Hours];
        _charge = new double[Hours];
        _socEnd = new double[Hours];
        _battery = supply.Battery;
        if (_battery is not null)
        {
            // Losses split evenly: sqrt(eta) on the way in and sqrt(eta) on the way out.
            _sqrtEta = Math.Sqrt(_battery.RoundTripEfficiency);
            _minSocKwh = _battery.MinSocFraction * _battery.CapacityKwh;
            _socKwh = _battery.StartSocFraction * _battery.CapacityKwh;
        }

        LastStartTicks = long.MinValue;
    }

    public int Hours { get; }

    public int Finalized { get; private set; }

    public long LastStartTicks { get; set; }

    /// <summary>Serves <paramref name="energyKwh"/> in hour <paramref name="hour"/>, the piece starting at <paramref name="pieceStartS"/> (s from the ledger start).</summary>
    public void Serve(int hour, double pieceStartS, double energyKwh, ref double renewable, ref double battery, ref double grid,
        ref double carbonG)
    {
        double fromRenewable = Math.Clamp(_availableKwh[hour] - _used[hour], 0, energyKwh);
        double rest = energyKwh - fromRenewable;
        double fromBattery = 0;
        if (_battery is not null && rest > 0)
        {
            double maxKw = _battery.MaxDischargeKw;
            double hourBudget = (maxKw * 1.0) - _discharge[hour];
            double shareBudget = maxKw * ((((hour + 1) * SecondsPerHour) - pieceStartS) / SecondsPerHour);
            double stored = (_socKwh - _minSocKwh) * _sqrtEta;
            fromBattery = Math.Max(0, Math.Min(Math.Min(rest, hourBudget), Math.Min(shareBudget, stored)));
            _socKwh = Math.Max(_minSocKwh, _socKwh - (fromBattery / _sqrtEta));
        }

        double fromGrid = rest - fromBattery;
        _demand[hour] += energyKwh;
        _used[hour] += fromRenewable;
        _discharge[hour] += fromBattery;
        _grid[hour] += fromGrid;
        renewable += fromRenewable;
        battery += fromBattery;
        grid += fromGrid;
        carbonG += fromGrid * _intensity[hour];
    }

    /// <summary>Closes every hour before <paramref name="hourExclusive"/>: leftover surplus charges the battery.</summary>
    public void FinalizeBefore(int hourExclusive)
    {
        int end = Math.Min(hourExclusive, Hours);
        for (int k = Finalized; k < end; k++)
        {
            if (_battery is not null)
            {
                double leftover = Math.Max(0, _availableKwh[k] - _used[k]);
                double room = Math.Max(0, (_battery.CapacityKwh - _socKwh) / _sqrtEta);
                double input = Math.Min(leftover, Math.Min(_battery.MaxChargeKw * 1.0, room));
                _charge[k] = input;
                _socKwh = Math.Min(_battery.CapacityKwh, _socKwh + (input * _sqrtEta));
                _socEnd[k] = _socKwh;
            }

            Finalized = k + 1;
        }
    }

    public double IntensityGPerKwh(int hour) => _intensity[hour];

    public double RemainingKwh(int hour)
        => Math.Max(0, _availableKwh[hour] - _used[hour] - _charge[hour]);

    public SiteHourRecord Row(int site, DateTimeOffset hourUtc, int k)
        => new(site, hourUtc, _demand[k], _availableKwh[k], _used[k], _grid[k], _charge[k], _discharge[k], _socEnd[k],
            _intensity[k], _grid[k] * _intensity[k] / 1000);
}
