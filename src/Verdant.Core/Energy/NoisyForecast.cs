namespace Verdant.Core.Energy;

/// <summary>The truth times (1 + e), with a seeded Gaussian error e whose standard deviation grows with the lead time.</summary>
/// <remarks>
/// sigma(lead) = s0 + s1 x lead hours (lead clamped at 0); forecast = max(0, truth x (1 + sigma z)). z is a standard
/// normal computed (Box-Muller) from a SplitMix64 hash of (seed, site, issue hour, target hour, quantity), so the same
/// query always gives the same answer, in any order. Defaults (surplus 0.05 + 0.01/h, about 29% at 24 h, in the range of
/// day-ahead PV nRMSE reviewed by Antonanzas et al. 2016, Solar Energy 136; grid 0.02 + 0.005/h) are assumptions.
/// </remarks>
public sealed class NoisyForecast : ISupplyForecast
{
    private readonly IReadOnlyList<SiteSupply> _sites;
    private readonly ulong _seed;

    /// <summary>Wraps the sites' true supplies with errors drawn from <paramref name="seed"/>.</summary>
    public NoisyForecast(IReadOnlyList<SiteSupply> sites, int seed, double surplusSigma0 = 0.05, double surplusSigmaPerHour = 0.01,
        double gridSigma0 = 0.02, double gridSigmaPerHour = 0.005)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (!(surplusSigma0 >= 0 && surplusSigmaPerHour >= 0 && gridSigma0 >= 0 && gridSigmaPerHour >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(surplusSigma0), "Forecast error standard deviations must be >= 0.");
        }

        _sites = sites;
        _seed = unchecked((ulong)seed);
        SurplusSigma0 = surplusSigma0;
        SurplusSigmaPerHour = surplusSigmaPerHour;
        GridSigma0 = gridSigma0;
        GridSigmaPerHour = gridSigmaPerHour;
    }

    /// <summary>Relative error std of the surplus at zero lead.</summary>
    public double SurplusSigma0 { get; }

    /// <summary>Growth of the surplus error std per hour of lead.</summary>
    public double SurplusSigmaPerHour { get; }

    /// <summary>Relative error std of the grid intensity at zero lead.</summary>
    public double GridSigma0 { get; }

    /// <summary>Growth of the grid error std per hour of lead.</summary>
    public double GridSigmaPerHour { get; }

    /// <inheritdoc />
    public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
        => Perturb(_sites[site].SurplusW(targetUtc), site, issuedUtc, targetUtc, 1, SurplusSigma0, SurplusSigmaPerHour);

    /// <inheritdoc />
    public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
        => Perturb(_sites[site].GridIntensityGPerKwh.ValueAt(targetUtc), site, issuedUtc, targetUtc, 2, GridSigma0, GridSigmaPerHour);

    private double Perturb(double truth, int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc, ulong quantity,
        double sigma0, double sigmaPerHour)
    {
        long issuedHour = issuedUtc.UtcTicks / TimeSpan.TicksPerHour;
        long targetHour = targetUtc.UtcTicks / TimeSpan.TicksPerHour;
        double sigma = sigma0 + (sigmaPerHour * Math.Max(0, targetHour - issuedHour));
        ulong h = Mix(_seed ^ Mix((ulong)site + (quantity << 32)));
        h = Mix(h ^ unchecked((ulong)issuedHour));
        h = Mix(h ^ unchecked((ulong)targetHour));
        ulong h2 = Mix(h);
        // 53-bit uniforms in (0, 1]: u1 never 0, so the logarithm stays finite.
        double u1 = ((h >> 11) + 1) * (1.0 / (1UL << 53));
        double u2 = (h2 >> 11) * (1.0 / (1UL << 53));
        double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, truth * (1 + (sigma * z)));
    }

    // SplitMix64 finalizer (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA).
    private static ulong Mix(ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }
}
