using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class SupplyBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 21, 0, 0, 0, TimeSpan.Zero);
    private static readonly SiteEnergySpec Paris = new(new GeoPoint(48.8566, 2.3522), SolarKwp: 100, WindKw: 0, "FR");

    [Fact]
    public void Build_SameSeed_SameSeries()
    {
        SiteSupply a = SupplyBuilder.Build(Paris with { WindKw = 50 }, T0, 48, new Random(5));
        SiteSupply b = SupplyBuilder.Build(Paris with { WindKw = 50 }, T0, 48, new Random(5));

        Assert.Equal(a.RenewablePowerW.Values, b.RenewablePowerW.Values);
        Assert.Equal(a.GridIntensityGPerKwh.Values, b.GridIntensityGPerKwh.Values);
    }

    [Fact]
    public void Build_SolarAtNight_IsZeroAndPositiveAtNoon()
    {
        SiteSupply supply = SupplyBuilder.Build(Paris, T0, 24, new Random(1));

        Assert.Equal(0, supply.RenewablePowerW.ValueAt(T0.AddHours(1)));
        Assert.True(supply.RenewablePowerW.ValueAt(T0.AddHours(12)) > 0);
    }

    [Fact]
    public void Build_ImportedWind_LeavesCloudsAndGridUnchanged()
    {
        var speed = new TimeSeries(T0, TimeSpan.FromHours(1), [.. Enumerable.Repeat(12.0, 48)]);
        SiteSupply solarOnly = SupplyBuilder.Build(Paris, T0, 48, new Random(8));
        SiteSupply withWind = SupplyBuilder.Build(Paris with { WindKw = 5, WindSpeedMs = speed }, T0, 48, new Random(8));

        Assert.Equal(solarOnly.RenewablePowerW.Values.Select(w => w + 5000), withWind.RenewablePowerW.Values);
        Assert.Equal(solarOnly.GridIntensityGPerKwh.Values, withWind.GridIntensityGPerKwh.Values);
    }

    [Fact]
    public void Build_ImportedCapacityFactorAndLoad_AreUsedDirectly()
    {
        var step = TimeSpan.FromHours(1);
        var spec = Paris with
        {
            SolarCapacityFactor = new TimeSeries(T0, step, [.. Enumerable.Repeat(0.25, 24)]),
            BackgroundLoadW = new TimeSeries(T0, step, [.. Enumerable.Repeat(30_000.0, 24)]),
        };

        SiteSupply supply = SupplyBuilder.Build(spec, T0, 24, new Random(1));

        Assert.All(supply.RenewablePowerW.Values, v => Assert.Equal(25_000, v, 9));
        Assert.Equal(0, supply.SurplusW(T0.AddHours(3)));
    }

    [Fact]
    public void Build_UnknownCountry_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => SupplyBuilder.Build(Paris with { GridCountry = "ZZ" }, T0, 24, new Random(1)));

    [Fact]
    public void SiteRandom_KeyedByName_IsStableAndDistinct()
    {
        Assert.Equal(SupplyBuilder.SiteRandom(42, "lyon").Next(), SupplyBuilder.SiteRandom(42, "lyon").Next());
        Assert.NotEqual(SupplyBuilder.SiteRandom(42, "lyon").Next(), SupplyBuilder.SiteRandom(42, "oslo").Next());
    }
}
