namespace Verdant.Core.Energy;

/// <summary>
/// A country's synthetic grid carbon intensity: annual mean (gCO2eq/kWh, life-cycle), relative daily amplitude and the
/// UTC hour of the daily minimum, relative seasonal amplitude and the day of year of the seasonal maximum, and sources.
/// </summary>
/// <remarks>
/// I(t) = mean x (1 - a_d cos(2 pi (h - h_min) / 24)) x (1 + a_s cos(2 pi (d - d_max) / 365.25)) x (1 + e_t), with h the
/// UTC hour (fractional), d the day of year and e_t a Gaussian AR(1) (std <see cref="NoiseStd"/>, lag-1 correlation
/// <see cref="NoiseCorrelation"/>) clamped at -0.9 so intensity stays positive. Over whole years the two cosines and the
/// noise average out, so the series mean is the annual mean. Shapes are assumptions, see docs/energy-model.md.
/// </remarks>
public sealed record GridProfile(string CountryCode, double AnnualMeanGPerKwh, double DailyRelativeAmplitude,
    double MinimumHourUtc, double SeasonalRelativeAmplitude, int SeasonalPeakDayOfYear, string Source)
{
    /// <summary>Relative standard deviation of the hourly noise.</summary>
    public const double NoiseStd = 0.05;

    /// <summary>Hour-to-hour correlation of the noise.</summary>
    public const double NoiseCorrelation = 0.8;

    /// <summary>The deterministic daily x seasonal shape at <paramref name="timeUtc"/> (gCO2eq/kWh), without noise.</summary>
    public double ShapeGPerKwh(DateTimeOffset timeUtc)
    {
        DateTimeOffset utc = timeUtc.ToUniversalTime();
        double hour = utc.TimeOfDay.TotalHours;
        double daily = 1 - (DailyRelativeAmplitude * Math.Cos(2 * Math.PI * (hour - MinimumHourUtc) / 24));
        double day = utc.DayOfYear - 1 + (hour / 24);
        double seasonal = 1 + (SeasonalRelativeAmplitude * Math.Cos(2 * Math.PI * (day - (SeasonalPeakDayOfYear - 1)) / 365.25));
        return AnnualMeanGPerKwh * daily * seasonal;
    }

    /// <summary>
    /// Generates <paramref name="hours"/> hourly values from <paramref name="startUtc"/>, each the shape at mid-hour times
    /// seeded AR(1) noise drawn from <paramref name="random"/>.
    /// </summary>
    public TimeSeries Generate(DateTimeOffset startUtc, int hours, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        var values = new double[hours];
        double innovationStd = NoiseStd * Math.Sqrt(1 - (NoiseCorrelation * NoiseCorrelation));
        double noise = NoiseStd * Gaussian(random);
        for (int i = 0; i < hours; i++)
        {
            if (i > 0)
            {
                noise = (NoiseCorrelation * noise) + (innovationStd * Gaussian(random));
            }

            DateTimeOffset midHour = startUtc + TimeSpan.FromMinutes((60 * i) + 30);
            values[i] = ShapeGPerKwh(midHour) * (1 + Math.Max(-0.9, noise));
        }

        return new TimeSeries(startUtc, TimeSpan.FromHours(1), values);
    }

    private static double Gaussian(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
}
