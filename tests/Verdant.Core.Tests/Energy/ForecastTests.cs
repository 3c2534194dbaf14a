using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class ForecastTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SiteSupply[] Sites = [Build(1), Build(2)];

    [Fact]
    public void Perfect_ReturnsTruth()
    {
        var forecast = new PerfectForecast(Sites);
        DateTimeOffset target = T0.AddHours(37.5);

        Assert.Equal(Sites[1].SurplusW(target), forecast.SurplusW(1, T0, target));
        Assert.Equal(Sites[1].GridIntensityGPerKwh.ValueAt(target), forecast.GridIntensityGPerKwh(1, T0, target));
    }

    [Fact]
    public void Persistence_WithinADay_IsTruth24HoursEarlier()
    {
        var forecast = new PersistenceForecast(Sites);
        for (int h = 0; h < 24; h++)
        {
            DateTimeOffset issued = T0.AddHours(40);
            DateTimeOffset target = issued.AddHours(h);

            Assert.Equal(Sites[0].SurplusW(target.AddHours(-24)), forecast.SurplusW(0, issued, target));
            Assert.Equal(Sites[0].GridIntensityGPerKwh.ValueAt(target.AddHours(-24)), forecast.GridIntensityGPerKwh(0, issued, target));
        }
    }

    [Fact]
    public void Persistence_SourceTime_UsesLatestObservedDayAndFirstDayBeforeStart()
    {
        Assert.Equal(T0.AddHours(27), PersistenceForecast.SourceTime(T0, T0.AddHours(50), T0.AddHours(75)));
        Assert.Equal(T0.AddHours(26), PersistenceForecast.SourceTime(T0, T0.AddHours(50), T0.AddHours(50)));
        Assert.Equal(T0.AddHours(5), PersistenceForecast.SourceTime(T0, T0.AddHours(3), T0.AddHours(5)));
    }

    [Fact]
    public void Noisy_SameQuery_SameAnswerRegardlessOfOrder()
    {
        var a = new NoisyForecast(Sites, seed: 9);
        var b = new NoisyForecast(Sites, seed: 9);
        double first = a.GridIntensityGPerKwh(1, T0.AddHours(3), T0.AddHours(20));
        _ = b.GridIntensityGPerKwh(0, T0, T0.AddHours(60));

        Assert.Equal(first, b.GridIntensityGPerKwh(1, T0.AddHours(3), T0.AddHours(20)));
        Assert.Equal(first, a.GridIntensityGPerKwh(1, T0.AddHours(3), T0.AddHours(20)));
        Assert.NotEqual(first, new NoisyForecast(Sites, seed: 10).GridIntensityGPerKwh(1, T0.AddHours(3), T0.AddHours(20)));
    }

    [Fact]
    public void Noisy_ErrorGrowsWithLeadAndVanishesWithZeroSigma()
    {
        var noisy = new NoisyForecast(Sites, seed: 1, gridSigma0: 0.01, gridSigmaPerHour: 0.01);
        double RelativeRmse(int lead) => Math.Sqrt(Enumerable.Range(0, 60).Average(h =>
        {
            DateTimeOffset issued = T0.AddHours(h);
            double truth = Sites[0].GridIntensityGPerKwh.ValueAt(issued.AddHours(lead));
            double e = (noisy.GridIntensityGPerKwh(0, issued, issued.AddHours(lead)) / truth) - 1;
            return e * e;
        }));

        Assert.True(RelativeRmse(24) > 3 * RelativeRmse(0));
        var exact = new NoisyForecast(Sites, 1, 0, 0, 0, 0);
        Assert.Equal(Sites[0].SurplusW(T0.AddHours(12)), exact.SurplusW(0, T0, T0.AddHours(12)));
    }

    private static SiteSupply Build(int seed)
        => SupplyBuilder.Build(new SiteEnergySpec(new GeoPoint(40.4, -3.7), 50, 20, "ES"), T0, 96, new Random(seed));
}
