using System.Globalization;
using System.Text;
using Verdant.Cli.Scenarios;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Tests.Scenarios;

public sealed class ScenarioSeriesTests : IDisposable
{
    // deadline 1 h: the series horizon is 1 + 48 = 49 hours from 2026-06-01T00:00Z.
    private const string Template = """
        name: t
        start: 2026-06-01T00:00:00Z
        sites:
          - name: a
            lat: 48.8
            lon: 2.3
            units: 1
            hardware: edge
            solar_kwp: 2
            series:
        SERIES
        model: { kind: logreg }
        training: { learning_rate: 0.1 }
        workload: { flops_per_step: 1e12 }
        stop: { rounds: 5, deadline_hours: 1 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("verdant-series-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_GridSeries_ReadsHorizonAndLabel()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 60, h => 100 + h);

        SiteEnergySpec energy = Load("      grid: { file: grid.csv }").Scenario.Sites[0].Energy;

        Assert.Equal(49, energy.GridIntensity!.Count);
        Assert.Equal(148, energy.GridIntensity.Values[48]);
        Assert.Equal("carbon-intensity-average/life-cycle", energy.GridIntensityLabel);
    }

    [Fact]
    public void Load_NoGridSeries_KeepsSyntheticLabel()
    {
        SiteEnergySpec energy = Load("      load: null").Scenario.Sites[0].Energy;

        Assert.Null(energy.GridIntensity);
        Assert.Equal(SiteEnergySpec.SyntheticGridLabel, energy.GridIntensityLabel);
    }

    [Fact]
    public void Load_IrradianceSolar_ConvertsWithPvDerate()
    {
        WriteHourly("sun.csv", "period_start,ghi", 60, _ => 500);

        TimeSeries factor = Load("      solar: { file: sun.csv, layout: irradiance }").Scenario.Sites[0].Energy.SolarCapacityFactor!;

        Assert.All(factor.Values, f => Assert.Equal(500.0 / 1000 * SupplyOptions.Default.PvDerate, f, 12));
    }

    [Fact]
    public void Load_GenericWindAndLoad_ConvertUnits()
    {
        WriteHourly("wind.csv", "t,v100", 60, _ => 7.5);
        WriteHourly("load.csv", "t,kw", 60, _ => 1.5);

        SiteEnergySpec energy = Load("""
                  wind: { file: wind.csv, layout: generic, time_column: t, value_column: v100, unit: m/s }
                  load: { file: load.csv, layout: generic, time_column: t, value_column: kw, unit: kW }
            """).Scenario.Sites[0].Energy;

        Assert.Equal(7.5, energy.WindSpeedMs!.Values[10]);
        Assert.Equal(1500, energy.BackgroundLoadW!.Values[10]);
    }

    [Fact]
    public void Load_LongGap_NamesFieldFileAndRow()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 60, h => 100, skip: h => h is >= 10 and < 15);

        string message = Error("      grid: { file: grid.csv }");

        Assert.Equal("t.yaml: sites[0].series.grid: grid.csv row 12: no data for 5 h between row 11 (2026-06-01T09:00:00Z) and "
            + "row 12 (2026-06-01T15:00:00Z), longer than the 3 h gap limit", message);
    }

    [Fact]
    public void Load_ShortGap_FillsAndWarns()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 60, h => 100, skip: h => h is 10 or 11);

        LoadedScenario loaded = Load("      grid: { file: grid.csv, max_gap_hours: 2 }");

        string warning = Assert.Single(loaded.Warnings);
        Assert.Equal("t.yaml: sites[0].series.grid: grid.csv: filled 2 h without data between row 11 (2026-06-01T09:00:00Z) and "
            + "row 12 (2026-06-01T12:00:00Z) by linear interpolation", warning);
    }

    [Fact]
    public void Load_UnparseableRow_NamesFieldFileAndRow()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 60, h => 100);
        string[] lines = File.ReadAllLines(Path.Combine(_dir, "grid.csv"));
        lines[4] = "2026-06-01 03:00:00,abc";
        File.WriteAllLines(Path.Combine(_dir, "grid.csv"), lines);

        string message = Error("      grid: { file: grid.csv }");

        Assert.Equal("t.yaml: sites[0].series.grid: grid.csv row 5: cannot parse 'abc' as a number in column 'Carbon Intensity'", message);
    }

    [Fact]
    public void Load_SeriesShorterThanHorizon_SaysSoAndSuggestsRepeat()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 30, h => 100);

        string message = Error("      grid: { file: grid.csv }");

        Assert.StartsWith("t.yaml: sites[0].series.grid: grid.csv: covers 2026-06-01T00:00:00Z to 2026-06-02T06:00:00Z", message, StringComparison.Ordinal);
        Assert.Contains("repeat", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatDaily_CoversHorizonWithWarning()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 30, h => 100 + (h % 24));

        LoadedScenario loaded = Load("      grid: { file: grid.csv, repeat: daily }");

        Assert.Equal(49, loaded.Scenario.Sites[0].Energy.GridIntensity!.Count);
        Assert.Contains("repeated the UTC day", Assert.Single(loaded.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GridFileInSolarSlot_NamesWhatIsNeeded()
    {
        WriteHourly("grid.csv", "Time,Carbon Intensity", 60, h => 100);

        string message = Error("      solar: { file: grid.csv }");

        Assert.Equal("t.yaml: sites[0].series.solar: grid.csv holds carbon-intensity-average/life-cycle (gCO2eq/kWh); "
            + "solar needs a capacity factor (fraction) or irradiance (W/m2)", message);
    }

    [Fact]
    public void Load_MissingFile_NamesFileField()
    {
        string message = Error("      grid: { file: nowhere.csv }");

        Assert.StartsWith("t.yaml: sites[0].series.grid.file: file not found: nowhere.csv", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSeriesSlot_Suggests()
    {
        string message = Error("      grids: { file: grid.csv }");

        Assert.StartsWith("t.yaml: sites[0].series.grids: unknown key (did you mean 'grid'?)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownUnit_ListsUnits()
    {
        string message = Error("      load: { file: load.csv, layout: generic, unit: percent }");

        Assert.Equal("t.yaml: sites[0].series.load.unit: unknown value 'percent'; expected one of gCO2eq/kWh, gCO2/kWh, lbs/MWh, W/m2, kW, W, m/s, fraction",
            message);
    }

    private LoadedScenario Load(string series)
        => ScenarioLoader.Load(new StringReader(Template.Replace("SERIES", series, StringComparison.Ordinal)), "t.yaml", _dir);

    private string Error(string series) => Assert.Throws<ScenarioException>(() => Load(series)).Message;

    // Row h + 2 of the file holds hour h (the header is row 1), unless skipped.
    private void WriteHourly(string name, string header, int hours, Func<int, double> value, Func<int, bool>? skip = null)
    {
        var text = new StringBuilder(header).Append('\n');
        var start = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int h = 0; h < hours; h++)
        {
            if (skip?.Invoke(h) != true)
            {
                text.Append(start.AddHours(h).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',')
                    .Append(value(h).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(_dir, name), text.ToString());
    }
}
