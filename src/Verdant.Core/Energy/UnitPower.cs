namespace Verdant.Core.Energy;

/// <summary>
/// The one place that knows what a compute unit draws at the facility meter: busy and idle W x PUE, wake-up J x PUE, and
/// the joules-to-kWh conversion every energy figure goes through.
/// </summary>
/// <remarks>Hardware W are at the wall before PUE (docs/energy-model.md, section 1); PUE scales them to the facility.</remarks>
public sealed record UnitPower(double BusyW, double IdleW, double WakeJ, double Pue)
{
    /// <summary>Joules in one kWh.</summary>
    public const double JoulesPerKwh = 3.6e6;

    /// <summary>The power of a unit at <paramref name="site"/>.</summary>
    public static UnitPower Of(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new UnitPower(site.Hardware.BusyPowerW, site.Hardware.IdlePowerW, site.Hardware.WakeEnergyJ, site.Pue);
    }

    /// <summary>Busy draw at the facility meter (W): busy W x PUE.</summary>
    public double BusyFacilityW => BusyW * Pue;

    /// <summary>Idle draw at the facility meter (W): idle W x PUE.</summary>
    public double IdleFacilityW => IdleW * Pue;

    /// <summary>Energy of <paramref name="seconds"/> busy (kWh).</summary>
    public double BusyKwh(double seconds) => ToKwh(seconds * BusyFacilityW);

    /// <summary>Energy of <paramref name="seconds"/> idle (kWh).</summary>
    public double IdleKwh(double seconds) => ToKwh(seconds * IdleFacilityW);

    /// <summary>Energy of one wake-up from off (kWh): wake J x PUE.</summary>
    public double WakeKwh => ToKwh(WakeJ * Pue);

    /// <summary>kWh from joules.</summary>
    public static double ToKwh(double joules) => joules / JoulesPerKwh;

    /// <summary>Joules from kWh.</summary>
    public static double ToJoules(double kwh) => kwh * JoulesPerKwh;
}
