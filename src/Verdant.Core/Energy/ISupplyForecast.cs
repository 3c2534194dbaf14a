namespace Verdant.Core.Energy;

/// <summary>
/// What a policy may know of a site's future supply: the value at <c>targetUtc</c> as forecast at <c>issuedUtc</c>.
/// Policies read the future only through this.
/// </summary>
public interface ISupplyForecast
{
    /// <summary>Forecast renewable surplus after background load (W).</summary>
    double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc);

    /// <summary>Forecast grid carbon intensity (gCO2eq/kWh).</summary>
    double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc);
}
