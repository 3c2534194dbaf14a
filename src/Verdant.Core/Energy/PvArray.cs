namespace Verdant.Core.Energy;

/// <summary>
/// A horizontal PV array: peak power (kWp at STC), system derate (inverter, wiring, soiling, mismatch), and an optional
/// module temperature loss from the nominal operating cell temperature (NOCT, deg C).
/// </summary>
/// <remarks>
/// P (W) = kWp x 1000 x GHI/1000 x derate x f_T, with f_T = 1 + gamma (T_cell - 25) and
/// T_cell = T_ambient + (NOCT - 20) / 800 x GHI (the NOCT model, e.g. Duffie and Beckman 2013, "Solar Engineering of
/// Thermal Processes", 4th ed., sec. 23.3). Derate 0.86 matches the 14% default system losses of NREL PVWatts v5
/// (Dobos 2014, NREL/TP-6A20-62641); gamma = -0.4 %/K is typical of crystalline silicon (PVWatts "standard" module -0.47,
/// premium -0.35). The array is treated as horizontal: no transposition to the plane of array.
/// </remarks>
public sealed record PvArray
{
    /// <summary>Creates an array; kWp must be >= 0 and the derate in (0, 1].</summary>
    public PvArray(double kwp, double derate = 0.86, double? noctC = null, double tempCoeffPerK = -0.004, double ambientC = 20)
    {
        if (!(kwp >= 0) || !double.IsFinite(kwp))
        {
            throw new ArgumentOutOfRangeException(nameof(kwp), kwp, "PV peak power must be a finite value >= 0 kWp.");
        }

        if (!(derate is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(derate), derate, "PV derate must lie in (0, 1].");
        }

        Kwp = kwp;
        Derate = derate;
        NoctC = noctC;
        TempCoeffPerK = tempCoeffPerK;
        AmbientC = ambientC;
    }

    /// <summary>Peak power at standard test conditions (kWp).</summary>
    public double Kwp { get; }

    /// <summary>System derate factor.</summary>
    public double Derate { get; }

    /// <summary>Nominal operating cell temperature (deg C); null disables the temperature loss.</summary>
    public double? NoctC { get; }

    /// <summary>Power temperature coefficient (per K).</summary>
    public double TempCoeffPerK { get; }

    /// <summary>Ambient temperature assumed when no weather series is given (deg C).</summary>
    public double AmbientC { get; }

    /// <summary>AC output (W) for a global horizontal irradiance (W/m^2); never negative.</summary>
    public double PowerW(double ghiWm2)
    {
        if (ghiWm2 <= 0)
        {
            return 0;
        }

        double factor = 1.0;
        if (NoctC is double noct)
        {
            double cellC = AmbientC + ((noct - 20) / 800 * ghiWm2);
            factor = Math.Max(0, 1 + (TempCoeffPerK * (cellC - 25)));
        }

        return Kwp * 1000 * (ghiWm2 / 1000) * Derate * factor;
    }
}
