using Verdant.Core.Energy.Import;
using static Verdant.Core.Tests.Energy.Import.ImportTestData;

namespace Verdant.Core.Tests.Energy.Import;

public class SeriesImporterLayoutTests
{
    private const string ElectricityMapsOld =
        "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA)," +
        "Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,Data Estimation Method\n" +
        "2021-01-01 00:00:00,Germany,Germany,DE,300.5,350.25,40,35,entsoe.eu,false,\n" +
        "2021-01-01 01:00:00,Germany,Germany,DE,310,360,41,36,entsoe.eu,false,\n";

    private const string ElectricityMapsNew =
        "Datetime (UTC),Country,Zone name,Zone id,Carbon intensity gCO₂eq/kWh (direct),Carbon intensity gCO₂eq/kWh (Life cycle)," +
        "Carbon-free energy percentage (CFE%),Renewable energy percentage (RE%),Data source,Data estimated,Data estimation method\n" +
        "2023-01-01T00:00:00.000Z,France,France,FR,20,45,90,30,\"entsoe.eu, rte\",true,TIME_SLICER_AVERAGE\n" +
        "2023-01-01T01:00:00.000Z,France,France,FR,22,47,90,30,\"entsoe.eu, rte\",true,TIME_SLICER_AVERAGE\n";

    private static readonly SeriesImportOptions Auto = new();

    [Fact]
    public void Generic_OffsetZuluAndPlainTimes_AllReadAsUtc()
    {
        string csv = "when,kw\n2020-01-01T01:00:00+01:00,1\n2020-01-01T01:00:00Z,2\n2020-01-01 02:00:00,3\n2020-01-01T03:00:00,4.5\n";
        var options = new SeriesImportOptions { Layout = SeriesLayout.Generic, TimeColumn = "WHEN", ValueColumn = "KW", Unit = SeriesUnit.Kilowatts };

        ImportedSeries result = Read(csv, options);

        Assert.Equal(Jan1, result.Series.StartUtc);
        Assert.Equal(TimeSpan.FromHours(1), result.Series.Step);
        Assert.Equal([1000.0, 2000, 3000, 4500], result.Series.Values);
        Assert.Equal("W", result.Unit);
        Assert.Equal(new SeriesKind(SeriesQuantity.Power, IntensityBasis.Unknown), result.Kind);
    }

    [Theory]
    [InlineData(SeriesUnit.WattsPerSquareMetre, SeriesQuantity.Irradiance, "W/m2")]
    [InlineData(SeriesUnit.MetresPerSecond, SeriesQuantity.WindSpeed, "m/s")]
    [InlineData(SeriesUnit.Fraction, SeriesQuantity.CapacityFactor, "fraction")]
    [InlineData(SeriesUnit.Watts, SeriesQuantity.Power, "W")]
    [InlineData(SeriesUnit.GramsCo2PerKwh, SeriesQuantity.CarbonIntensityAverage, "gCO2eq/kWh")]
    public void Generic_DeclaredUnit_SetsKindAndUnit(SeriesUnit unit, SeriesQuantity quantity, string symbol)
    {
        ImportedSeries result = Read(Regular(TimeSpan.FromHours(1), 0.5, 0.25), Generic(unit));

        Assert.Equal(quantity, result.Kind.Quantity);
        Assert.Equal(symbol, result.Unit);
        Assert.Equal([0.5, 0.25], result.Series.Values);
    }

    [Theory]
    [InlineData(ElectricityMapsOld, IntensityBasis.Direct, 300.5)]
    [InlineData(ElectricityMapsOld, IntensityBasis.LifeCycle, 350.25)]
    [InlineData(ElectricityMapsNew, IntensityBasis.Direct, 20)]
    [InlineData(ElectricityMapsNew, IntensityBasis.LifeCycle, 45)]
    public void ElectricityMaps_BothHeaderGenerations_SelectDirectOrLifeCycle(string csv, IntensityBasis basis, double first)
    {
        ImportedSeries result = Read(csv, new SeriesImportOptions { Basis = basis });

        Assert.Equal(first, result.Series.Values[0]);
        Assert.Equal(new SeriesKind(SeriesQuantity.CarbonIntensityAverage, basis), result.Kind);
        Assert.Equal("carbon-intensity-average/" + (basis == IntensityBasis.Direct ? "direct" : "life-cycle"), result.Kind.Label);
    }

    [Fact]
    public void ElectricityMaps_UpperCaseHeader_IsDetectedAndDefaultsToLifeCycle()
    {
        string csv = ElectricityMapsOld.Replace("Datetime (UTC)", "DATETIME (UTC)", StringComparison.Ordinal)
            .Replace("Carbon Intensity gCO₂eq/kWh (LCA)", "CARBON INTENSITY GCO₂EQ/KWH (LCA)", StringComparison.Ordinal);

        ImportedSeries result = Read(csv, Auto);

        Assert.Equal([350.25, 360], result.Series.Values);
        Assert.Equal(IntensityBasis.LifeCycle, result.Kind.Basis);
    }

    [Fact]
    public void WattTime_PoundsPerMwh_ConvertsToGramsPerKwh()
    {
        string csv = "point_time,value\n2020-01-01T00:00:00Z,1000\n2020-01-01T00:05:00Z,2000\n";

        ImportedSeries result = Read(csv, Auto with { Unit = SeriesUnit.PoundsCo2PerMwh });

        Assert.Equal(453.59237, result.Series.Values[0], 9);
        Assert.Equal(907.18474, result.Series.Values[1], 9);
        Assert.Equal(SeriesQuantity.CarbonIntensityMarginal, result.Kind.Quantity);
        Assert.Equal("gCO2eq/kWh", result.Unit);
    }

    [Fact]
    public void WattTime_NoDeclaredUnit_AsksForIt()
    {
        SeriesFormatException error = Fails("point_time,value\n2020-01-01T00:00:00Z,1000\n2020-01-01T00:05:00Z,2000\n", Auto);

        Assert.Equal("grid.csv: marginal emissions need a declared unit: PoundsCo2PerMwh (WattTime API v2) or GramsCo2PerKwh", error.Message);
    }

    [Fact]
    public void LetsWaitAwhile_Detected_IsAverageLifeCycle()
    {
        ImportedSeries result = Read("Time,Carbon Intensity\n2020-01-01 00:00:00,42.5\n2020-01-01 00:30:00,43.5\n", Auto);

        Assert.Equal([42.5, 43.5], result.Series.Values);
        Assert.Equal(TimeSpan.FromMinutes(30), result.Series.Step);
        Assert.Equal("carbon-intensity-average/life-cycle", result.Kind.Label);
    }

    [Fact]
    public void MarginalZone_SingleZoneColumn_IsMarginalInDeclaredUnit()
    {
        string csv = "time,Caiso_North\n2023-06-08 00:00:00,425\n2023-06-08 00:05:00,432\n";
        var options = new SeriesImportOptions { Layout = SeriesLayout.MarginalZone, Unit = SeriesUnit.GramsCo2PerKwh };

        ImportedSeries result = Read(csv, options);

        Assert.Equal([425.0, 432], result.Series.Values);
        Assert.Equal(SeriesQuantity.CarbonIntensityMarginal, result.Kind.Quantity);
    }

    [Fact]
    public void VessimSolar_SecondsFromOrigin_SelectsCityCaseInsensitively()
    {
        string csv = "time,Berlin,São Paulo\n0,0.0,0.5\n300,0.1,0.6\n600,0.2,0.7\n";
        var options = new SeriesImportOptions { Layout = SeriesLayout.VessimSolar, ValueColumn = "SÃO PAULO", TimeOriginUtc = Jan1 };

        ImportedSeries result = Read(csv, options);

        Assert.Equal([0.5, 0.6, 0.7], result.Series.Values);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Series.Step);
        Assert.Equal(Jan1, result.Series.StartUtc);
        Assert.Equal(SeriesQuantity.CapacityFactor, result.Kind.Quantity);
    }

    [Fact]
    public void VessimSolar_NoOrigin_AsksForIt()
    {
        SeriesFormatException error = Fails("time,Berlin\n0,0\n300,0\n", new SeriesImportOptions { Layout = SeriesLayout.VessimSolar });

        Assert.Equal("grid.csv: the VessimSolar layout counts seconds from an origin; set TimeOriginUtc", error.Message);
    }

    [Theory]
    [InlineData("period_start,GHI,dni\n", SeriesQuantity.Irradiance, "W/m2")]
    [InlineData("timestamp,capacity_factor\n", SeriesQuantity.CapacityFactor, "fraction")]
    public void Irradiance_Detected_FromGhiOrCapacityFactorColumn(string header, SeriesQuantity quantity, string unit)
    {
        string rows = header.Count(c => c == ',') == 2 ? "2020-01-01T12:00Z,0.5,9\n2020-01-01T13:00Z,0.25,9\n" : "2020-01-01T12:00Z,0.5\n2020-01-01T13:00Z,0.25\n";

        ImportedSeries result = Read(header + rows, Auto);

        Assert.Equal(quantity, result.Kind.Quantity);
        Assert.Equal(unit, result.Unit);
        Assert.Equal([0.5, 0.25], result.Series.Values);
    }

    [Fact]
    public void Auto_AmbiguousHeader_AsksForLayout()
    {
        SeriesFormatException error = Fails("time,Berlin\n0,0\n300,0\n", Auto);

        Assert.Equal(1, error.Row);
        Assert.Equal("grid.csv row 1: cannot detect the layout from the header ('time', 'Berlin'); name it in the options " +
            "(Generic, MarginalZone or VessimSolar, with the columns to read)", error.Message);
    }
}
