namespace Verdant.Core.Energy;

/// <summary>
/// A site's hourly supply over the simulated horizon: renewable power available (W), other load (W), grid carbon
/// intensity (gCO2eq/kWh), and the battery if any. Built once per run from a <see cref="SiteEnergySpec"/>.
/// </summary>
public sealed class SiteSupply
{
    /// <summary>Creates a supply from hourly series that cover the same horizon.</summary>
    public SiteSupply(TimeSeries renewablePowerW, TimeSeries backgroundLoadW, TimeSeries gridIntensityGPerKwh, BatterySpec? battery)
    {
        ArgumentNullException.ThrowIfNull(renewablePowerW);
        ArgumentNullException.ThrowIfNull(backgroundLoadW);
        ArgumentNullException.ThrowIfNull(gridIntensityGPerKwh);
        RequireHourlyOn(renewablePowerW, renewablePowerW, nameof(renewablePowerW));
        RequireHourlyOn(backgroundLoadW, renewablePowerW, nameof(backgroundLoadW));
        RequireHourlyOn(gridIntensityGPerKwh, renewablePowerW, nameof(gridIntensityGPerKwh));
        RequireNonNegative(renewablePowerW, nameof(renewablePowerW));
        RequireNonNegative(backgroundLoadW, nameof(backgroundLoadW));
        RequireNonNegative(gridIntensityGPerKwh, nameof(gridIntensityGPerKwh));
        if (battery is not null)
        {
            ValidateBattery(battery);
        }

        RenewablePowerW = renewablePowerW;
        BackgroundLoadW = backgroundLoadW;
        GridIntensityGPerKwh = gridIntensityGPerKwh;
        Battery = battery;
    }

    /// <summary>Renewable power available (W).</summary>
    public TimeSeries RenewablePowerW { get; }

    /// <summary>Other load (W), served first.</summary>
    public TimeSeries BackgroundLoadW { get; }

    /// <summary>Grid carbon intensity (gCO2eq/kWh).</summary>
    public TimeSeries GridIntensityGPerKwh { get; }

    /// <summary>Battery, if any.</summary>
    public BatterySpec? Battery { get; }

    /// <summary>Start of the first hour.</summary>
    public DateTimeOffset StartUtc => RenewablePowerW.StartUtc;

    /// <summary>Number of hours covered.</summary>
    public int Hours => RenewablePowerW.Count;

    /// <summary>Renewable power left for training after the background load: max(0, renewable - background) (W).</summary>
    public double SurplusW(DateTimeOffset timeUtc) => SurplusW(RenewablePowerW.IndexOf(timeUtc));

    /// <summary>Surplus (W) of hour <paramref name="hour"/> counted from <see cref="StartUtc"/>.</summary>
    public double SurplusW(int hour) => Math.Max(0, RenewablePowerW.Values[hour] - BackgroundLoadW.Values[hour]);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first inconsistent battery field.</summary>
    public static void ValidateBattery(BatterySpec battery)
    {
        ArgumentNullException.ThrowIfNull(battery);
        if (!(battery.CapacityKwh > 0) || !(battery.MaxChargeKw >= 0) || !(battery.MaxDischargeKw >= 0))
        {
            throw new ArgumentException("Battery capacity must be > 0 kWh and its power limits >= 0 kW.", nameof(battery));
        }

        if (!(battery.RoundTripEfficiency is > 0 and <= 1))
        {
            throw new ArgumentException("Battery round-trip efficiency must lie in (0, 1].", nameof(battery));
        }

        if (!(battery.MinSocFraction is >= 0 and <= 1) || !(battery.StartSocFraction >= battery.MinSocFraction && battery.StartSocFraction <= 1))
        {
            throw new ArgumentException("Battery state of charge fractions must satisfy 0 <= min <= initial <= 1.", nameof(battery));
        }
    }

    private static void RequireHourlyOn(TimeSeries series, TimeSeries reference, string name)
    {
        if (series.Step != TimeSpan.FromHours(1) || series.StartUtc != reference.StartUtc || series.Count != reference.Count)
        {
            throw new ArgumentException(
                $"Series '{name}' must be hourly from {reference.StartUtc:O} with {reference.Count} values.", name);
        }
    }

    private static void RequireNonNegative(TimeSeries series, string name)
    {
        for (int i = 0; i < series.Count; i++)
        {
            if (series.Values[i] < 0)
            {
                throw new ArgumentException($"Series '{name}' has a negative value at hour {i}.", name);
            }
        }
    }
}
