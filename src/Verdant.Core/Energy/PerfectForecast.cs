namespace Verdant.Core.Energy;

/// <summary>A forecast that returns the truth: the upper bound on what forecasting can give a policy.</summary>
public sealed class PerfectForecast : ISupplyForecast
{
    private readonly IReadOnlyList<SiteSupply> _sites;

    /// <summary>Wraps the sites' true supplies.</summary>
    public PerfectForecast(IReadOnlyList<SiteSupply> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = sites;
    }

    /// <inheritdoc />
    public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc) => _sites[site].SurplusW(targetUtc);

    /// <inheritdoc />
    public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc)
        => _sites[site].GridIntensityGPerKwh.ValueAt(targetUtc);
}
