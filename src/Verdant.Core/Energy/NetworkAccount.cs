namespace Verdant.Core.Energy;

/// <summary>
/// The network's hourly books for <see cref="EnergyLedger"/>: routers and links between sites are behind no site's meter,
/// so every kWh is grid energy and no site's surplus or battery serves it. Preallocated: charging allocates nothing.
/// </summary>
internal sealed class NetworkAccount(int hours)
{
    private readonly double[] _kwh = new double[hours];
    private readonly double[] _carbonG = new double[hours];

    public int Hours => _kwh.Length;

    /// <summary>Books <paramref name="energyKwh"/> in <paramref name="hour"/> at <paramref name="intensityGPerKwh"/>; returns grams.</summary>
    public double Add(int hour, double energyKwh, double intensityGPerKwh)
    {
        double grams = energyKwh * intensityGPerKwh;
        _kwh[hour] += energyKwh;
        _carbonG[hour] += grams;
        return grams;
    }

    public NetworkHourRecord Row(DateTimeOffset hourUtc, int k)
        => new(hourUtc, _kwh[k], _kwh[k] > 0 ? _carbonG[k] / _kwh[k] : 0, _carbonG[k] / 1000);
}
