using System.Globalization;
using System.Text.Json;
using Verdant.Cli.Commands;

namespace Verdant.Cli.Tests.Commands;

public sealed class ImportsScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verdant-imports-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_ImportsScenario_WritesBatteryFlowsThatBalanceRowByRow()
    {
        string data = TinyIdx.Write(Path.Combine(_dir, "idx"), 300, 100);
        string output = Path.Combine(_dir, "out");

        (int code, _, string err) = ProgramTests.Invoke("run", RepositoryFiles.PathOf("scenarios/imports.yaml"), "--rounds", "3",
            "--data-dir", data, "--out", output, "--workers", "1");

        Assert.True(code == 0, err);
        string[] lines = File.ReadAllLines(Path.Combine(output, "energy.csv"));
        string[] header = lines[0].Split(',');
        Assert.Subset(header.ToHashSet(), new HashSet<string> { "battery_charge_kwh", "battery_discharge_kwh", "battery_soc_kwh" });
        int demand = Array.IndexOf(header, "demand_kwh"), renewable = Array.IndexOf(header, "renewable_used_kwh");
        int discharge = Array.IndexOf(header, "battery_discharge_kwh"), grid = Array.IndexOf(header, "grid_kwh");
        double[][] rows = [.. lines.Skip(1).Select(l => l.Split(',').Select((text, j) => j < 2 ? 0 : Parse(text)).ToArray())];
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r[demand], r[renewable] + r[discharge] + r[grid], 9));
        Assert.Contains(rows, r => r[discharge] > 0);
    }

    [Fact]
    public void Run_ImportsScenario_SummaryRecordsEachSitesIntensityKind()
    {
        string data = TinyIdx.Write(Path.Combine(_dir, "idx"), 300, 100);
        string output = Path.Combine(_dir, "out");

        (int code, _, string err) = ProgramTests.Invoke("run", RepositoryFiles.PathOf("scenarios/imports.yaml"), "--rounds", "1",
            "--data-dir", data, "--out", output, "--workers", "1");

        Assert.True(code == 0, err);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        JsonElement intensity = summary.RootElement.GetProperty("carbon_intensity");
        Assert.Equal("mixed", intensity.GetProperty("kind").GetString());
        JsonElement sites = intensity.GetProperty("sites");
        Assert.Equal("carbon-intensity-average/life-cycle", sites.GetProperty("lyon").GetString());
        Assert.Equal("carbon-intensity-average/direct", sites.GetProperty("berlin").GetString());
        Assert.Equal("carbon-intensity-marginal", sites.GetProperty("fresno").GetString());
    }

    [Fact]
    public void Run_ImportsScenario_SummaryNamesAndNetworkRowsAddUp()
    {
        string data = TinyIdx.Write(Path.Combine(_dir, "idx"), 300, 100);
        string output = Path.Combine(_dir, "out");

        (int code, _, string err) = ProgramTests.Invoke("run", RepositoryFiles.PathOf("scenarios/imports.yaml"), "--rounds", "3",
            "--data-dir", data, "--out", output, "--workers", "1");

        Assert.True(code == 0, err);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        JsonElement root = summary.RootElement;
        JsonElement byUse = root.GetProperty("carbon_kg_by_use");
        double parts = byUse.GetProperty("compute").GetDouble() + byUse.GetProperty("idle").GetDouble() + byUse.GetProperty("network").GetDouble();
        Assert.Equal(root.GetProperty("carbon_kg").GetDouble(), parts, 9);
        JsonElement final = root.GetProperty("final");
        Assert.True(final.GetProperty("participants").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Number, final.GetProperty("local_accuracy").GetProperty("p10").ValueKind);
        Assert.Equal(JsonValueKind.Number, final.GetProperty("consensus_distance_active").ValueKind);
        Assert.Equal(JsonValueKind.Number, final.GetProperty("validation_accuracy").ValueKind);
        Assert.True(root.GetProperty("trained_model").GetProperty("parameters").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("represented_job").ValueKind);
        string[] lines = File.ReadAllLines(Path.Combine(output, "energy.csv"));
        int demand = Array.IndexOf(lines[0].Split(','), "demand_kwh");
        double network = lines.Skip(1).Where(l => l.StartsWith("network,", StringComparison.Ordinal)).Sum(l => Parse(l.Split(',')[demand]));
        double total = lines.Skip(1).Sum(l => Parse(l.Split(',')[demand]));
        Assert.Equal(root.GetProperty("energy_kwh").GetProperty("network").GetDouble(), network, 9);
        Assert.Equal(root.GetProperty("energy_kwh").GetProperty("total").GetDouble(), total, 9);
        Assert.Contains("validation_accuracy", File.ReadLines(Path.Combine(output, "rounds.csv")).First().Split(','));
    }

    [Fact]
    public void Run_ScenarioWithShortGap_PrintsWarningBeforeRunning()
    {
        string scenario = Path.Combine(_dir, "gap.yaml");
        File.WriteAllText(Path.Combine(_dir, "grid.csv"), "Time,Carbon Intensity\n2026-06-01 00:00:00,100\n"
            + string.Concat(Enumerable.Range(3, 60).Select(h => $"2026-06-{1 + (h / 24):00} {h % 24:00}:00:00,130\n")));
        File.WriteAllText(scenario, """
            start: 2026-06-01T00:00:00Z
            sites:
              - { name: a, lat: 48.8, lon: 2.3, hardware: edge, series: { grid: { file: grid.csv } } }
            model: { kind: logreg }
            training: { learning_rate: 0.1 }
            workload: { flops_per_step: 1e12 }
            stop: { rounds: 1, deadline_hours: 1 }
            """);

        (int code, _, string err) = ProgramTests.Invoke("run", scenario, "--data-dir", Path.Combine(_dir, "missing"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: warning: gap.yaml: sites[0].series.grid: grid.csv: filled 2 h without data between row 2 "
            + "(2026-06-01T00:00:00Z) and row 3 (2026-06-01T03:00:00Z) by linear interpolation\n", err, StringComparison.Ordinal);
        Assert.EndsWith($"verdant: --data-dir: data directory not found: {Path.Combine(_dir, "missing")}\n", err, StringComparison.Ordinal);
    }

    // Columns 0 and 1 (site, hour) are text and read as 0, so the indexes of the numbers match the header.
    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
