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
}
