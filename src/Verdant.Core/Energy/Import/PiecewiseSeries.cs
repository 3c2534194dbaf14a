namespace Verdant.Core.Energy.Import;

/// <summary>A step function: Values[i] holds over [Times[i], Times[i+1]), the last value until End (UTC ticks).</summary>
internal sealed class PiecewiseSeries
{
    private readonly long[] _times;
    private readonly double[] _values;

    public PiecewiseSeries(long[] times, double[] values, long end)
    {
        _times = times;
        _values = values;
        End = end;
    }

    public long Start => _times[0];

    public long End { get; }

    /// <summary>The step function of samples whose last value holds for one native step.</summary>
    public static PiecewiseSeries FromSamples(RawSamples samples, long step) =>
        new(samples.Ticks, samples.Values, samples.Ticks[^1] + step);

    /// <summary>The value holding at <paramref name="t"/> (the last sample at or before it), for t in [Start, End).</summary>
    public double ValueAt(long t) => _values[IndexAt(t)];

    /// <summary>Time-weighted mean over [<paramref name="a"/>, <paramref name="b"/>), inside [Start, End).</summary>
    public double Mean(long a, long b)
    {
        double sum = 0;
        for (int i = IndexAt(a); i < _times.Length && _times[i] < b; i++)
        {
            long segmentEnd = i + 1 < _times.Length ? _times[i + 1] : End;
            sum += _values[i] * (Math.Min(segmentEnd, b) - Math.Max(_times[i], a));
        }

        return sum / (b - a);
    }

    /// <summary>
    /// Covers [<paramref name="from"/>, <paramref name="to"/>) by copying the reference period
    /// [<paramref name="refStart"/>, refStart + period) to every whole multiple of the period outside [Start, End).
    /// </summary>
    public PiecewiseSeries Extend(long from, long to, long period, long refStart)
    {
        (long T, double V)[] reference = ReferenceSegments(period, refStart);
        var times = new List<long>();
        var values = new List<double>();
        AppendCopies(reference, from, Start, period, refStart, times, values);
        times.AddRange(_times);
        values.AddRange(_values);
        AppendCopies(reference, End, to, period, refStart, times, values);
        return new PiecewiseSeries([.. times], [.. values], Math.Max(End, to));
    }

    private (long T, double V)[] ReferenceSegments(long period, long refStart)
    {
        var segments = new List<(long, double)> { (refStart, ValueAt(refStart)) };
        for (int i = IndexAt(refStart) + 1; i < _times.Length && _times[i] < refStart + period; i++)
        {
            segments.Add((_times[i], _values[i]));
        }

        return [.. segments];
    }

    private static void AppendCopies((long T, double V)[] reference, long lo, long hi, long period, long refStart, List<long> times, List<double> values)
    {
        for (long k = FloorDiv(lo - refStart, period); refStart + (k * period) < hi; k++)
        {
            long shift = k * period;
            for (int j = 0; j < reference.Length; j++)
            {
                long start = Math.Max(reference[j].T + shift, lo);
                long end = Math.Min((j + 1 < reference.Length ? reference[j + 1].T : refStart + period) + shift, hi);
                if (start < end)
                {
                    times.Add(start);
                    values.Add(reference[j].V);
                }
            }
        }
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b) < 0 ? 1 : 0);

    private int IndexAt(long t)
    {
        int index = Array.BinarySearch(_times, t);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }
}
