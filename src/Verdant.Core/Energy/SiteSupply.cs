namespace Verdant.Core.Energy;

/// <summary>
/// A site's hourly supply over the simulated horizon: renewable power available (W), other load (W), grid carbon
/// intensity (gCO2eq/kWh), and the battery if any. Built once per run from a <see cref="SiteEnergySpec"/>.
/// </summary>
public sealed class SiteSupply
{
    /// <summary>Creates a supply from hourly series that cover the same horizon.</summary>
    public SiteSupply(TimeSeries renewablePowerW, TimeSeries backgroundLoadW, TimeSeries gridIntensityGPerKwh, BatterySpec? battery)
        => throw new NotImplementedException();

    /// <summary>Renewable power available (W).</summary>
    public TimeSeries RenewablePowerW => throw new NotImplementedException();

    /// <summary>Other load (W), served first.</summary>
    public TimeSeries BackgroundLoadW => throw new NotImplementedException();

    /// <summary>Grid carbon intensity (gCO2eq/kWh).</summary>
    public TimeSeries GridIntensityGPerKwh => throw new NotImplementedException();

    /// <summary>Battery, if any.</summary>
    public BatterySpec? Battery => throw new NotImplementedException();

    /// <summary>Renewable power left for training after the background load: max(0, renewable - background) (W).</summary>
    public double SurplusW(DateTimeOffset timeUtc) => throw new NotImplementedException();
}
