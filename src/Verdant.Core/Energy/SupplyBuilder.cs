namespace Verdant.Core.Energy;

/// <summary>Builds a site's hourly <see cref="SiteSupply"/> from its spec: solar and wind physics with seeded weather, and the grid.</summary>
/// <remarks>
/// Randomness: <see cref="Build(SiteEnergySpec, DateTimeOffset, int, Random, SupplyOptions)"/> always draws exactly three
/// seeds from the given generator, in the order clouds, wind, grid, whether or not each is used, and runs each process
/// on its own generator; so importing one series never shifts another process. Give every site its own generator (for
/// instance <see cref="SiteRandom"/>, keyed by scenario seed and site name) so adding a site leaves the others unchanged.
/// </remarks>
public static class SupplyBuilder
{
    /// <summary>
    /// Builds <paramref name="hours"/> hourly samples from <paramref name="startUtc"/> (whole hour). Imported series in
    /// the spec replace the synthetic ones; <paramref name="random"/> drives clouds, wind and grid noise.
    /// </summary>
    public static SiteSupply Build(SiteEnergySpec spec, DateTimeOffset startUtc, int hours, Random random)
        => Build(spec, startUtc, hours, random, SupplyOptions.Default);

    /// <summary>As <see cref="Build(SiteEnergySpec, DateTimeOffset, int, Random)"/>, with explicit physical options.</summary>
    public static SiteSupply Build(SiteEnergySpec spec, DateTimeOffset startUtc, int hours, Random random, SupplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        startUtc = startUtc.ToUniversalTime();
        if (startUtc.Ticks % TimeSpan.TicksPerHour != 0)
        {
            throw new ArgumentException($"The horizon must start on a whole hour (got {startUtc:O}).", nameof(startUtc));
        }

        var cloudRandom = new Random(random.Next());
        var windRandom = new Random(random.Next());
        var gridRandom = new Random(random.Next());

        double[] solar = SolarW(spec, startUtc, hours, cloudRandom, options);
        double[] wind = WindW(spec, startUtc, hours, windRandom, options);
        var renewable = new double[hours];
        for (int i = 0; i < hours; i++)
        {
            renewable[i] = solar[i] + wind[i];
        }

        var step = TimeSpan.FromHours(1);
        TimeSeries background = spec.BackgroundLoadW is { } load
            ? new TimeSeries(startUtc, step, Resample(load, startUtc, hours, nameof(spec.BackgroundLoadW)))
            : new TimeSeries(startUtc, step, new double[hours]);
        TimeSeries grid = spec.GridIntensity is { } imported
            ? new TimeSeries(startUtc, step, Resample(imported, startUtc, hours, nameof(spec.GridIntensity)))
            : GridProfiles.Get(spec.GridCountry).Generate(startUtc, hours, gridRandom);
        return new SiteSupply(new TimeSeries(startUtc, step, renewable), background, grid, spec.Battery);
    }

    /// <summary>A site's weather generator, keyed by the scenario seed and the site's name (stable FNV-1a hash).</summary>
    public static Random SiteRandom(int scenarioSeed, string siteName)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        uint hash = 2166136261;
        foreach (char c in siteName)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return new Random(unchecked((int)hash ^ (scenarioSeed * 486187739)));
    }

    private static double[] SolarW(SiteEnergySpec spec, DateTimeOffset startUtc, int hours, Random random, SupplyOptions options)
    {
        if (spec.SolarCapacityFactor is { } factor)
        {
            double[] cf = Resample(factor, startUtc, hours, nameof(spec.SolarCapacityFactor));
            return [.. cf.Select(f => spec.SolarKwp * 1000 * Math.Clamp(f, 0, 1))];
        }

        var pv = new PvArray(spec.SolarKwp, options.PvDerate, options.PvNoctC, ambientC: options.AmbientC);
        var clouds = new CloudProcess(random);
        int samples = Math.Max(1, options.SolarSamplesPerHour);
        var result = new double[hours];
        for (int i = 0; i < hours; i++)
        {
            double transmission = clouds.Next();
            if (spec.SolarKwp == 0)
            {
                continue;
            }

            double sum = 0;
            for (int s = 0; s < samples; s++)
            {
                var t = startUtc + TimeSpan.FromHours(i + ((s + 0.5) / samples));
                sum += pv.PowerW(ClearSky.Ghi(spec.Location, t) * transmission);
            }

            result[i] = sum / samples;
        }

        return result;
    }

    private static double[] WindW(SiteEnergySpec spec, DateTimeOffset startUtc, int hours, Random random, SupplyOptions options)
    {
        var turbine = new WindTurbine(spec.WindKw * 1000, options.CutInMs, options.RatedMs, options.CutOutMs);
        if (spec.WindSpeedMs is { } imported)
        {
            return [.. Resample(imported, startUtc, hours, nameof(spec.WindSpeedMs)).Select(turbine.PowerW)];
        }

        // v_ref ~ Weibull(k, c) scaled by (h/h_ref)^alpha is Weibull(k, c (h/h_ref)^alpha): extrapolate the scale once.
        double hubScale = WindTurbine.ExtrapolateSpeed(options.WindWeibullScaleMs, options.WindReferenceHeightM,
            options.HubHeightM, options.ShearExponent);
        var process = new WindSpeedProcess(random, options.WindWeibullK, hubScale, options.WindHourlyCorrelation);
        var result = new double[hours];
        for (int i = 0; i < hours; i++)
        {
            result[i] = turbine.PowerW(process.Next());
        }

        return result;
    }

    // Imported series may be sub-hourly: average four samples per hour, which is exact for hourly and 15-min steps.
    private static double[] Resample(TimeSeries series, DateTimeOffset startUtc, int hours, string name)
    {
        if (series.StartUtc > startUtc || series.EndUtc < startUtc + TimeSpan.FromHours(hours))
        {
            throw new ArgumentException(
                $"Imported series '{name}' covers [{series.StartUtc:O}, {series.EndUtc:O}) but the horizon is "
                + $"[{startUtc:O}, {startUtc + TimeSpan.FromHours(hours):O}).", name);
        }

        var result = new double[hours];
        for (int i = 0; i < hours; i++)
        {
            double sum = 0;
            for (int s = 0; s < 4; s++)
            {
                sum += series.ValueAt(startUtc + TimeSpan.FromMinutes((60 * i) + (15 * s) + 7.5));
            }

            result[i] = sum / 4;
        }

        return result;
    }
}
