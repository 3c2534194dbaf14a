namespace Verdant.Core.Energy;

/// <summary>An idealized wind turbine power curve: cut-in, rated and cut-out speeds (m/s) and rated power (W).</summary>
/// <remarks>
/// P(v) = 0 below cut-in and at or above cut-out; P_r (v^3 - v_ci^3) / (v_r^3 - v_ci^3) between cut-in and rated; P_r
/// from rated to cut-out (the cubic idealized curve, e.g. Manwell, McGowan and Rogers 2009, "Wind Energy Explained",
/// 2nd ed., ch. 6). Defaults 3 / 12 / 25 m/s are typical of utility turbines of the 2-3 MW class.
/// Hub-height extrapolation: v(h) = v_ref (h / h_ref)^alpha with alpha = 1/7 over open terrain (Peterson and Hennessey
/// 1978, "On the use of power laws for estimates of wind power potential", J. Applied Meteorology 17, 390-394).
/// </remarks>
public sealed record WindTurbine
{
    /// <summary>The 1/7 power-law shear exponent for open, flat terrain.</summary>
    public const double DefaultShearExponent = 1.0 / 7.0;

    /// <summary>Creates a curve; requires 0 &lt;= cut-in &lt; rated &lt; cut-out and rated power >= 0.</summary>
    public WindTurbine(double ratedPowerW, double cutInMs = 3, double ratedMs = 12, double cutOutMs = 25)
    {
        if (!(cutInMs >= 0 && cutInMs < ratedMs && ratedMs < cutOutMs))
        {
            throw new ArgumentException($"Wind speeds must satisfy 0 <= cut-in < rated < cut-out (got {cutInMs}, {ratedMs}, {cutOutMs}).");
        }

        if (!(ratedPowerW >= 0) || !double.IsFinite(ratedPowerW))
        {
            throw new ArgumentOutOfRangeException(nameof(ratedPowerW), ratedPowerW, "Rated power must be a finite value >= 0 W.");
        }

        RatedPowerW = ratedPowerW;
        CutInMs = cutInMs;
        RatedMs = ratedMs;
        CutOutMs = cutOutMs;
    }

    /// <summary>Rated (nameplate) power (W).</summary>
    public double RatedPowerW { get; }

    /// <summary>Speed below which output is zero (m/s).</summary>
    public double CutInMs { get; }

    /// <summary>Speed from which output is rated (m/s).</summary>
    public double RatedMs { get; }

    /// <summary>Speed at and above which the turbine stops (m/s).</summary>
    public double CutOutMs { get; }

    /// <summary>Electric output (W) at hub-height wind speed <paramref name="speedMs"/>.</summary>
    public double PowerW(double speedMs)
    {
        if (!(speedMs >= CutInMs) || speedMs >= CutOutMs)
        {
            return 0;
        }

        if (speedMs >= RatedMs)
        {
            return RatedPowerW;
        }

        double cutIn3 = CutInMs * CutInMs * CutInMs;
        return RatedPowerW * ((speedMs * speedMs * speedMs) - cutIn3) / ((RatedMs * RatedMs * RatedMs) - cutIn3);
    }

    /// <summary>Power-law extrapolation of a wind speed from <paramref name="fromHeightM"/> to <paramref name="toHeightM"/>.</summary>
    public static double ExtrapolateSpeed(double speedMs, double fromHeightM, double toHeightM, double alpha = DefaultShearExponent)
    {
        if (!(fromHeightM > 0 && toHeightM > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fromHeightM), "Heights must be positive.");
        }

        return speedMs * Math.Pow(toHeightM / fromHeightM, alpha);
    }
}
