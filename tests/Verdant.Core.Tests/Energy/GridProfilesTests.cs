using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class GridProfilesTests
{
    public static TheoryData<string> Countries =>
        ["FR", "DE", "GB", "ES", "SE", "NO", "PL", "US", "BR", "ZA", "IN", "AU", "JP", "SG", "CN", "CA"];

    [Theory]
    [MemberData(nameof(Countries))]
    public void Generate_OneYear_PositiveWithAnnualMeanWithinTenPercent(string code)
    {
        GridProfile profile = GridProfiles.Get(code);
        TimeSeries series = profile.Generate(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero), 8760, new Random(11));

        Assert.All(series.Values, v => Assert.True(v > 0));
        Assert.InRange(series.Values.Average(), profile.AnnualMeanGPerKwh * 0.9, profile.AnnualMeanGPerKwh * 1.1);
    }

    [Fact]
    public void Get_LowerCaseCode_FindsProfile() => Assert.Equal("FR", GridProfiles.Get("fr").CountryCode);

    [Fact]
    public void Get_UnknownCode_ThrowsNamingItAndListingKnownCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => GridProfiles.Get("XX"));

        Assert.StartsWith("Unknown grid country 'XX'. Known codes: AU, BR, CA, CN, DE, ES, FR, GB, IN, JP, NO, PL, SE, SG, US, ZA.", ex.Message);
    }

    [Fact]
    public void Shape_AtMinimumHour_IsTheDailyLow()
    {
        GridProfile de = GridProfiles.Get("DE");
        var day = new DateTimeOffset(2023, 4, 10, 0, 0, 0, TimeSpan.Zero);
        int lowest = Enumerable.Range(0, 24).MinBy(h => de.ShapeGPerKwh(day.AddHours(h)));

        Assert.Equal((int)de.MinimumHourUtc, lowest);
    }
}
