using System.Text.Json;
using Verdant.Cli.Output;
using Verdant.Cluster.Metering;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Tests.Output;

public class SummaryJsonTests
{
    private static readonly SimulationResult Result = new("s", "all", 1, [], [], [], ["madrid", "warsaw"],
        new EnergyTotals(0, 0, 0, 0, 0, 0, 0, 0, 0), new FinalMetrics(0.5, 1, 0), 0, 0, 0, null, "done");

    [Fact]
    public void Write_ClusterReplay_NamesEnergySourcePerSiteWithReasons()
    {
        var info = new RunInfo("file", 1, null, 2)
        {
            Mode = "cluster",
            TimeScale = 360,
            EnergySources =
            [
                new SiteEnergySource("madrid", SiteEnergySource.Rapl, null, 4, 0),
                new SiteEnergySource("warsaw", SiteEnergySource.Modelled, "no RAPL package domain under /sys/class/powercap", 0, 4),
            ],
        };

        JsonElement json = Summary(info);

        Assert.Equal(360, json.GetProperty("time_scale").GetDouble());
        Assert.Equal("""{"madrid":"rapl","warsaw":"modelled"}""", Compact(json.GetProperty("energy_source")));
        Assert.Equal("""{"warsaw":"no RAPL package domain under /sys/class/powercap"}""", Compact(json.GetProperty("energy_source_reasons")));
        Assert.Equal(0, json.GetProperty("truncated_rounds").GetInt32());
    }

    [Fact]
    public void Write_ClusterWithoutReplay_TimeScaleIsNull()
    {
        JsonElement json = Summary(new RunInfo("file", 1, null, 2) { Mode = "cluster" });

        Assert.Equal(JsonValueKind.Null, json.GetProperty("time_scale").ValueKind);
    }

    [Fact]
    public void Write_Simulate_HasNoRealModeKeys()
    {
        JsonElement json = Summary(new RunInfo("file", 1, null, 2));

        Assert.False(json.TryGetProperty("energy_source", out _));
        Assert.False(json.TryGetProperty("time_scale", out _));
    }

    private static JsonElement Summary(RunInfo info)
    {
        using var writer = new StringWriter();
        SummaryJson.Write(writer, Result, info);
        return JsonDocument.Parse(writer.ToString()).RootElement.Clone();
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
