using System.Text.Json;
using Verdant.Cli.Bench;

namespace Verdant.Cli.Tests.Bench;

public sealed class BenchReportTests
{
    [Fact]
    public void ToJson_OneCase_HasTheIssuesFieldNames()
    {
        var report = new BenchReport(36.5, 10.25, 5.5,
            [new BenchCase("mlp", 64, 240, 7.75, 0.212, 1.5, 0.15, 0, 3784704)], 2, 41.8, 3.9);

        using var json = JsonDocument.Parse(report.ToJson());
        JsonElement root = json.RootElement;
        JsonElement first = root.GetProperty("cases")[0];

        Assert.Equal(36.5, root.GetProperty("sgemm_gflops").GetDouble());
        Assert.Equal(10.25, root.GetProperty("stream_gbs").GetDouble());
        Assert.Equal(5.5, root.GetProperty("naive_node_steps_per_s").GetDouble());
        Assert.Equal(
            ["model", "nodes", "node_steps_per_s", "train_gflops", "train_roofline_ratio", "mix_gbs", "mix_roofline_ratio",
             "bytes_allocated_per_round", "memory_per_node_bytes", "kind"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("mlp", first.GetProperty("model").GetString());
        Assert.Equal(0, first.GetProperty("bytes_allocated_per_round").GetInt64());
    }

    [Fact]
    public void ToJson_SimulationCase_IsKindSimulationWithItsOwnFields()
    {
        var report = new BenchReport(0, 0, 0,
            [new BenchCase("mlp", 64, 240, 7.75, 0.212, 1.5, 0.15, 0, 3784704), new SimulationCase("logreg", 1000, 50, 25000, 1.5, 2.5, 10000, 0.4)],
            2, 0, 0.4);

        using var json = JsonDocument.Parse(report.ToJson());
        JsonElement second = json.RootElement.GetProperty("cases")[1];

        Assert.Equal("training", json.RootElement.GetProperty("cases")[0].GetProperty("kind").GetString());
        Assert.Equal("simulation", second.GetProperty("kind").GetString());
        Assert.Equal(
            ["model", "units", "rounds", "node_steps", "setup_s", "run_s", "node_steps_per_s", "peak_working_set_gib", "skipped", "policy", "kind"],
            second.EnumerateObject().Select(p => p.Name));
    }
}
