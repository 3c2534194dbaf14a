using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Policies;

/// <summary>A forecast test double with constant surplus (W) and intensity (g/kWh) per site.</summary>
internal sealed class FakeForecast(double[] surplusW, double[] intensity) : ISupplyForecast
{
    public double SurplusW(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc) => surplusW[site];

    public double GridIntensityGPerKwh(int site, DateTimeOffset issuedUtc, DateTimeOffset targetUtc) => intensity[site];
}
