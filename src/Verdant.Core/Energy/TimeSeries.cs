namespace Verdant.Core.Energy;

/// <summary>A regularly sampled series: value i holds over [Start + i*Step, Start + (i+1)*Step).</summary>
public sealed class TimeSeries
{
    private readonly double[] _values;

    /// <summary>Creates a series; throws when the step is not positive, there are no values, or a value is not finite.</summary>
    public TimeSeries(DateTimeOffset startUtc, TimeSpan step, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "The step must be positive.");
        }

        if (values.Length == 0)
        {
            throw new ArgumentException("A series needs at least one value.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is not finite ({values[i]}).", nameof(values));
            }
        }

        StartUtc = startUtc.ToUniversalTime();
        Step = step;
        _values = values;
    }

    /// <summary>Start of the first interval (UTC).</summary>
    public DateTimeOffset StartUtc { get; }

    /// <summary>Interval length.</summary>
    public TimeSpan Step { get; }

    /// <summary>End of the last interval.</summary>
    public DateTimeOffset EndUtc => StartUtc + (Step * _values.Length);

    /// <summary>Samples.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Number of samples.</summary>
    public int Count => _values.Length;

    /// <summary>The value of the interval holding <paramref name="timeUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside [StartUtc, EndUtc).</exception>
    public double ValueAt(DateTimeOffset timeUtc) => _values[IndexOf(timeUtc)];

    /// <summary>Index of the interval holding <paramref name="timeUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside [StartUtc, EndUtc).</exception>
    public int IndexOf(DateTimeOffset timeUtc)
    {
        long offsetTicks = (timeUtc - StartUtc).Ticks;
        long index = offsetTicks < 0 ? -1 : offsetTicks / Step.Ticks;
        if (index < 0 || index >= _values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(timeUtc),
                $"{timeUtc:O} is outside the series [{StartUtc:O}, {EndUtc:O}).");
        }

        return (int)index;
    }
}
