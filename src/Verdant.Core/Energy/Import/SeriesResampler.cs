namespace Verdant.Core.Energy.Import;

/// <summary>Resamples a step function onto a regular grid.</summary>
/// <remarks>
/// Power-like quantities (power, irradiance, capacity factor, wind speed) take the time-weighted mean over each target
/// interval, which conserves energy. Carbon intensities take the time-weighted mean when the target step is at least the
/// native step (so energy times intensity gives the same carbon) and hold the last reported value when upsampling, so a
/// policy sees the reported step changes instead of blends no grid operator published.
/// </remarks>
internal static class SeriesResampler
{
    public static double[] Resample(PiecewiseSeries series, SeriesGrid grid, long nativeStep, SeriesKind kind)
    {
        long start = grid.StartUtc.UtcTicks;
        long step = grid.Step.Ticks;
        bool hold = kind.IsCarbonIntensity && step < nativeStep;
        var values = new double[grid.Count];
        for (int j = 0; j < values.Length; j++)
        {
            long a = start + (j * step);
            values[j] = hold ? series.ValueAt(a) : series.Mean(a, a + step);
        }

        return values;
    }
}
