namespace Verdant.Core.Energy.Import;

/// <summary>A regular target grid: <see cref="Count"/> intervals of <see cref="Step"/> from <see cref="StartUtc"/>.</summary>
public sealed record SeriesGrid
{
    /// <summary>Creates a grid; throws when the step or the count is not positive.</summary>
    public SeriesGrid(DateTimeOffset startUtc, TimeSpan step, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(count, 0);
        StartUtc = startUtc.ToUniversalTime();
        Step = step;
        Count = count;
    }

    /// <summary>Start of the first interval (UTC).</summary>
    public DateTimeOffset StartUtc { get; }

    /// <summary>Interval length.</summary>
    public TimeSpan Step { get; }

    /// <summary>Number of intervals.</summary>
    public int Count { get; }

    /// <summary>End of the last interval (exclusive).</summary>
    public DateTimeOffset EndUtc => StartUtc + (Step * Count);

    /// <summary>An hourly grid of <paramref name="hours"/> intervals.</summary>
    public static SeriesGrid Hourly(DateTimeOffset startUtc, int hours) => new(startUtc, TimeSpan.FromHours(1), hours);
}
