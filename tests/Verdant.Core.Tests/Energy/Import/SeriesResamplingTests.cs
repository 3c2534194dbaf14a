using Verdant.Core.Energy.Import;
using static Verdant.Core.Tests.Energy.Import.ImportTestData;

namespace Verdant.Core.Tests.Energy.Import;

public class SeriesResamplingTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Resample_ThirtyMinutesToHourly_TakesMean()
    {
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(Jan1, 2) };

        ImportedSeries result = Read(Regular(TimeSpan.FromMinutes(30), 10, 20, 30, 50), options);

        Assert.Equal([15.0, 40], result.Series.Values);
    }

    [Fact]
    public void Resample_FifteenMinutesToHourlyIntensity_TakesTimeWeightedMean()
    {
        var options = Generic(SeriesUnit.GramsCo2PerKwh) with { Target = SeriesGrid.Hourly(Jan1, 1) };

        ImportedSeries result = Read(Regular(TimeSpan.FromMinutes(15), 100, 200, 300, 400), options);

        Assert.Equal([250.0], result.Series.Values);
    }

    [Fact]
    public void Resample_HourlyToFifteenMinuteIntensity_HoldsLastValue()
    {
        var options = Generic(SeriesUnit.GramsCo2PerKwh) with { Target = new SeriesGrid(Jan1.AddMinutes(30), TimeSpan.FromMinutes(15), 6) };

        ImportedSeries result = Read(Regular(Hour, 100, 200, 300), options);

        Assert.Equal([100.0, 100, 200, 200, 200, 200], result.Series.Values);
    }

    [Fact]
    public void Resample_UnalignedUpsampledIntensity_HoldsButPowerAverages()
    {
        var grid = new SeriesGrid(Jan1.AddMinutes(45), TimeSpan.FromMinutes(30), 1);

        double intensity = Read(Regular(Hour, 100, 200), Generic(SeriesUnit.GramsCo2PerKwh) with { Target = grid }).Series.Values[0];
        double power = Read(Regular(Hour, 100, 200), Generic(SeriesUnit.Watts) with { Target = grid }).Series.Values[0];

        Assert.Equal(100.0, intensity);
        Assert.Equal(150.0, power);
    }

    [Fact]
    public void Gap_ShortGap_FilledLinearlyWithWarning()
    {
        string csv = "timestamp,value\n2020-01-01T00:00Z,10\n2020-01-01T01:00Z,20\n2020-01-01T04:00Z,50\n2020-01-01T05:00Z,60\n";

        ImportedSeries result = Read(csv, Generic(SeriesUnit.Watts));

        Assert.Equal([10.0, 20, 30, 40, 50, 60], result.Series.Values);
        string warning = Assert.Single(result.Warnings);
        Assert.Equal("grid.csv: filled 2 h without data between row 3 (2020-01-01T01:00:00Z) and row 4 (2020-01-01T04:00:00Z) " +
            "by linear interpolation", warning);
    }

    [Fact]
    public void Gap_LongerThanLimit_ErrorNamesRowAndLength()
    {
        string csv = "timestamp,value\n2020-01-01T00:00Z,10\n2020-01-01T01:00Z,20\n2020-01-01T06:00Z,50\n2020-01-01T07:00Z,60\n";

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts));

        Assert.Equal(4, error.Row);
        Assert.Equal("grid.csv row 4: no data for 4 h between row 3 (2020-01-01T01:00:00Z) and row 4 (2020-01-01T06:00:00Z), " +
            "longer than the 3 h gap limit", error.Message);
    }

    [Fact]
    public void Gap_ConfiguredLimit_TurnsShortGapIntoError()
    {
        string csv = "timestamp,value\n2020-01-01T00:00Z,10\n2020-01-01T01:00Z,20\n2020-01-01T04:00Z,50\n";

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts) with { MaxGap = TimeSpan.FromMinutes(90) });

        Assert.EndsWith("longer than the 1.5 h gap limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_OutsideTarget_IsIgnored()
    {
        string csv = "timestamp,value\n2020-01-01T00:00Z,10\n2020-01-01T01:00Z,20\n2020-01-01T09:00Z,50\n2020-01-01T10:00Z,60\n";

        ImportedSeries result = Read(csv, Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(Jan1, 2) });

        Assert.Equal([10.0, 20], result.Series.Values);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Coverage_ShorterThanTarget_ErrorNamesCoveredRange()
    {
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(Jan1, 5) };

        SeriesFormatException error = Fails(Regular(Hour, 1, 2, 3), options);

        Assert.Null(error.Row);
        Assert.Equal("grid.csv: covers 2020-01-01T00:00:00Z to 2020-01-01T03:00:00Z, but the target needs 2020-01-01T00:00:00Z " +
            "to 2020-01-01T05:00:00Z; set repeat to daily or weekly to tile the last complete day or week", error.Message);
    }

    [Fact]
    public void Coverage_DailyRepeat_TilesLastCompleteDayByTimeOfDay()
    {
        double[] values = [.. Enumerable.Range(0, 60).Select(i => (double)i)];
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(Jan1.AddHours(-2), 100), Repeat = SeriesRepeat.Daily };

        ImportedSeries result = Read(Regular(Hour, values), options);

        // The file covers Jan 1 00:00 to Jan 3 12:00; Jan 2 (values 24..47) is the last complete UTC day.
        Assert.Equal([46.0, 47, 0, 1], result.Series.Values.Take(4));
        Assert.Equal(59.0, result.Series.Values[61]);
        Assert.Equal(36.0, result.Series.Values[62]);
        Assert.Equal(24.0 + 1, result.Series.Values[99]);
        Assert.Contains("repeated the UTC day from 2020-01-02T00:00:00Z to 2020-01-03T00:00:00Z", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_DailyRepeatWithoutCompleteDay_Fails()
    {
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(Jan1, 48), Repeat = SeriesRepeat.Daily };

        SeriesFormatException error = Fails(Regular(Hour, 1, 2, 3), options);

        Assert.EndsWith("and it holds no complete UTC day to repeat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_WeeklyRepeat_KeepsWeekday()
    {
        var monday = new DateTimeOffset(2020, 1, 6, 0, 0, 0, TimeSpan.Zero);
        double[] dayIndex = [.. Enumerable.Range(0, 14 * 24).Select(i => (double)(i / 24))];
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(monday.AddDays(23), 24), Repeat = SeriesRepeat.Weekly };

        ImportedSeries result = Read(RegularFrom(monday, Hour, dayIndex), options);

        // The target is a Wednesday; the last complete week (Jan 13 to 20) holds day indexes 7..13, its Wednesday 9.
        Assert.All(result.Series.Values, v => Assert.Equal(9.0, v));
    }
}
