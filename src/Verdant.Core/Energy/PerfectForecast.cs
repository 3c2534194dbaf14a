namespace Verdant.Core.Energy;

/// <summary>A forecast that returns the truth: the upper bound on what forecasting can give a policy.</summary>
public sealed class PerfectForecast : ISupplyForecast
{
    /// <summary>Wraps the sites' true supplies.</summary>
    public PerfectForecast(IReadOnlyList<SiteSupply> sites) => throw new NotImplementedException();

    /// <inheritdoc />
    public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc) => throw new NotImplementedException();

    /// <inheritdoc />
    public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc) => throw new NotImplementedException();
}
