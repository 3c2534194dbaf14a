using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class NetworkModelTests
{
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);
    private static readonly GeoPoint NewYork = new(40.7128, -74.0060);

    [Fact]
    public void Latency_ParisNewYork_IsFibreDelayPlusHop()
    {
        var model = new NetworkModel(new NetworkOptions());
        double expected = (Paris.GreatCircleKm(NewYork) / (2.0 / 3.0 * 299_792.458)) + 0.005;

        Assert.Equal(expected, model.LatencyS(Paris, NewYork), 12);
        Assert.InRange(model.LatencyS(Paris, NewYork), 0.033, 0.035);
    }

    [Fact]
    public void Latency_SamePoint_IsZero() => Assert.Equal(0, new NetworkModel(new NetworkOptions()).LatencyS(Paris, Paris));

    [Fact]
    public void TransferAndEnergy_OneGigabyte_AddSerializationAndUseKwhPerGb()
    {
        var model = new NetworkModel(new NetworkOptions());

        Assert.Equal(8.0, model.TransferS(1_000_000_000, Paris, Paris), 12);
        Assert.Equal(0.006, model.EnergyKwh(1_000_000_000), 12);
    }

    [Fact]
    public void Marginal_OneGigabyteOverAnHour_BaselinePlusMarginal()
    {
        var model = new NetworkModel(new NetworkOptions { Model = NetworkEnergyModel.Marginal, MarginalKwhPerGb = 0.001, BaselineWPerUnit = 20 });

        Assert.Equal(0.001, model.EnergyKwh(1_000_000_000), 12);
        Assert.Equal(0.02, model.BaselineKwh(3600), 12);
        Assert.Equal(0, new NetworkModel(new NetworkOptions()).BaselineKwh(3600));
    }
}
