using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>A round's energy by use and by source (kWh), its carbon (g) and bytes, summed as charges come in.</summary>
public struct RoundEnergy
{
    /// <summary>Compute energy (kWh).</summary>
    public double ComputeKwh { get; set; }

    /// <summary>Idle-wait energy (kWh).</summary>
    public double IdleKwh { get; set; }

    /// <summary>Network energy (kWh).</summary>
    public double NetworkKwh { get; set; }

    /// <summary>Wake-up energy of units switched on from off (kWh).</summary>
    public double WakeKwh { get; set; }

    /// <summary>From renewables (kWh).</summary>
    public double RenewableKwh { get; set; }

    /// <summary>From batteries (kWh).</summary>
    public double BatteryKwh { get; set; }

    /// <summary>From grids (kWh).</summary>
    public double GridKwh { get; set; }

    /// <summary>Carbon (g CO2eq).</summary>
    public double CarbonG { get; set; }

    /// <summary>Bytes moved.</summary>
    public long BytesSent { get; set; }

    /// <summary>Adds how a charge was served.</summary>
    public void Add(ChargeResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        RenewableKwh += r.RenewableKwh;
        BatteryKwh += r.BatteryKwh;
        GridKwh += r.GridKwh;
        CarbonG += r.CarbonG;
    }

    /// <summary>Counts <paramref name="kwh"/> under <paramref name="use"/>.</summary>
    public void AddUse(EnergyUse use, double kwh)
    {
        switch (use)
        {
            case EnergyUse.Compute: ComputeKwh += kwh; break;
            case EnergyUse.Idle: IdleKwh += kwh; break;
            case EnergyUse.Network: NetworkKwh += kwh; break;
            default: WakeKwh += kwh; break;
        }
    }

    /// <summary>Adds another sum, use by use and source by source.</summary>
    public void Add(RoundEnergy other)
    {
        ComputeKwh += other.ComputeKwh;
        IdleKwh += other.IdleKwh;
        NetworkKwh += other.NetworkKwh;
        WakeKwh += other.WakeKwh;
        RenewableKwh += other.RenewableKwh;
        BatteryKwh += other.BatteryKwh;
        GridKwh += other.GridKwh;
        CarbonG += other.CarbonG;
        BytesSent += other.BytesSent;
    }
}
