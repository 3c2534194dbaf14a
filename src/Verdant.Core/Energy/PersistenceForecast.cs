namespace Verdant.Core.Energy;

/// <summary>The naive "same hour yesterday" forecast: the truth one whole day before the target.</summary>
/// <remarks>
/// The value forecast for <c>target</c> is the truth at <c>target - 24 h x max(1, ceil(lead / 24 h))</c>, the latest
/// same-hour-of-day value already observed at the issue time; when that falls before the horizon start, whole days are
/// added back until it lands on the first day (the simulation has no history before its start).
/// </remarks>
public sealed class PersistenceForecast : ISupplyForecast
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly IReadOnlyList<SiteSupply> _sites;

    /// <summary>Wraps the sites' true supplies.</summary>
    public PersistenceForecast(IReadOnlyList<SiteSupply> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = sites;
    }

    /// <inheritdoc />
    public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
        => _sites[site].SurplusW(SourceTime(_sites[site].StartUtc, issuedUtc, targetUtc));

    /// <inheritdoc />
    public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
        => _sites[site].GridIntensityGPerKwh.ValueAt(SourceTime(_sites[site].StartUtc, issuedUtc, targetUtc));

    /// <summary>The instant whose truth is reported for <paramref name="targetUtc"/> when issued at <paramref name="issuedUtc"/>.</summary>
    public static DateTimeOffset SourceTime(DateTimeOffset horizonStartUtc, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
    {
        long leadTicks = (targetUtc - issuedUtc).Ticks;
        long days = Math.Max(1, (leadTicks + Day.Ticks - 1) / Day.Ticks);
        DateTimeOffset source = targetUtc - (Day * days);
        if (source < horizonStartUtc)
        {
            long back = ((horizonStartUtc - source).Ticks + Day.Ticks - 1) / Day.Ticks;
            source += Day * back;
        }

        return source;
    }
}
