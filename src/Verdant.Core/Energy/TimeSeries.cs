namespace Verdant.Core.Energy;

/// <summary>A regularly sampled series: value i holds over [Start + i*Step, Start + (i+1)*Step).</summary>
public sealed class TimeSeries
{
    /// <summary>Creates a series; throws when the step is not positive, there are no values, or a value is not finite.</summary>
    public TimeSeries(DateTimeOffset startUtc, TimeSpan step, double[] values) => throw new NotImplementedException();

    /// <summary>Start of the first interval (UTC).</summary>
    public DateTimeOffset StartUtc => throw new NotImplementedException();

    /// <summary>Interval length.</summary>
    public TimeSpan Step => throw new NotImplementedException();

    /// <summary>End of the last interval.</summary>
    public DateTimeOffset EndUtc => throw new NotImplementedException();

    /// <summary>Samples.</summary>
    public IReadOnlyList<double> Values => throw new NotImplementedException();

    /// <summary>The value of the interval holding <paramref name="timeUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside [StartUtc, EndUtc).</exception>
    public double ValueAt(DateTimeOffset timeUtc) => throw new NotImplementedException();
}
