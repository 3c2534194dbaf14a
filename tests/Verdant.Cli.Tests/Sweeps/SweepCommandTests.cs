using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Spectre.Console;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Sweeps;

public class SweepCommandTests
{
    [Fact]
    public void Sweep_TinyGrid_RunsEveryCombinationIntoItsOwnFolder()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");

        (int code, string stdout, string err) = ProgramTests.Invoke(sweep.Args(output));

        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("0 of 6 runs already finished", stdout, StringComparison.Ordinal);
        Assert.Equal(["run-0001", "run-0002", "run-0003", "run-0004", "run-0005", "run-0006"],
            Directory.GetDirectories(Path.Combine(output, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string yaml = File.ReadAllText(Path.Combine(output, "runs", "run-0004", "scenario.yaml"));
        Assert.Contains("learning_rate: 0.1", yaml, StringComparison.Ordinal);
        Assert.Contains("capacity_kwh: 5", yaml, StringComparison.Ordinal);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "runs", "run-0004", "summary.json")));
        Assert.Equal(1, summary.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(6, summary.RootElement.GetProperty("rounds").GetInt32());
    }

    [Fact]
    public void Sweep_InterruptedAfterTwoRuns_ResumesWithoutRedoingThem()
    {
        // Arrange
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        using var cancel = new CancellationTokenSource();
        var saved = new List<string>();
        var options = new SweepOptions(sweep.SweepPath, output, sweep.DataDirectory, Jobs: 1, Force: false)
        {
            Cancellation = cancel.Token,
            RunSaved = key =>
            {
                saved.Add(key);
                if (saved.Count == 2)
                {
                    cancel.Cancel();
                }
            },
        };
        var error = new StringWriter();

        // Act
        int interrupted = SweepCommand.Execute(Ui(error), TimeProvider.System, options);
        string first = File.ReadAllText(Path.Combine(output, "runs", "run-0001", "summary.json"));
        string[] afterInterruption = Directory.GetDirectories(Path.Combine(output, "runs"));
        (int code, string stdout, string err) = ProgramTests.Invoke(sweep.Args(output));

        // Assert
        Assert.Equal(ExitCodes.Interrupted, interrupted);
        Assert.Equal($"verdant: interrupted: 2 of 6 runs finished and saved in {output}; run the same command again to resume\n", error.ToString());
        Assert.Equal(["run-0001", "run-0002"], saved);
        Assert.Equal(2, afterInterruption.Length);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains($"2 of 6 runs already finished in {output}; 4 to run", stdout, StringComparison.Ordinal);
        Assert.Contains("[4/4]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[5/", stdout, StringComparison.Ordinal);
        // wall_seconds would differ had run-0001 run again.
        Assert.Equal(first, File.ReadAllText(Path.Combine(output, "runs", "run-0001", "summary.json")));
        Assert.Equal(6, Directory.GetDirectories(Path.Combine(output, "runs")).Length);
    }

    [Fact]
    public void Sweep_SameOutAgain_RunsNothingAndRewritesTheAggregates()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        Assert.Equal(ExitCodes.Ok, ProgramTests.Invoke(sweep.Args(output)).Code);
        File.Delete(Path.Combine(output, "results.parquet"));

        (int code, string stdout, _) = ProgramTests.Invoke(sweep.Args(output));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("6 of 6 runs already finished", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "results.parquet")));
    }

    [Fact]
    public async Task Sweep_ResultsParquet_ReadsBackAsEachRunsSummaryJson()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        Assert.Equal(ExitCodes.Ok, ProgramTests.Invoke(sweep.Args(output)).Code);

        Dictionary<string, object?[]> columns = await ReadParquet(Path.Combine(output, "results.parquet"));

        Assert.Equal(6, columns["run_id"].Length);
        Assert.Equal([0.05, 0.05, 0.05, 0.1, 0.1, 0.1], columns["param.training.learning_rate"].Cast<double?>().Select(v => v!.Value));
        for (int row = 0; row < 6; row++)
        {
            string dir = Path.Combine(output, (string)columns["output_dir"][row]!);
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            int checkedLeaves = AssertLeaves(summary.RootElement, string.Empty, columns, row);
            Assert.True(checkedLeaves >= 20, $"only {checkedLeaves} summary fields checked");
        }
    }

    [Fact]
    public async Task Sweep_OneRunDiverges_RecordedAsAFailedPointWithRoundAndUnitAndTheBatchGoesOn()
    {
        // Arrange: the largest learning rate a scenario accepts blows the MLP of the second run up;
        // the first and third must still run.
        using var sweep = new TinySweep(TinySweep.Grid.Replace("[0.05, 0.1]", "[0.05, 100, 0.1]", StringComparison.Ordinal)
            .Replace("[1, 2, 3]", "[1]", StringComparison.Ordinal)
            .Replace("stop.rounds: 6", "stop.rounds: 6\n  model: { kind: mlp, hidden: [32] }", StringComparison.Ordinal));
        string output = sweep.Out("ws");

        // Act
        (int code, string stdout, string err) = ProgramTests.Invoke(sweep.Args(output));

        // Assert
        Assert.True(code == ExitCodes.Ok, err);
        // The console wraps long lines; the progress line names round and node, the table gets a status column.
        Assert.Matches(@"\[\d/3\] run-0002 [^\[]*: training diverged at round \d+,\s+node \d+", stdout);
        Assert.Matches(@"│ status", stdout);
        using JsonDocument diverged = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "runs", "run-0002", "summary.json")));
        Assert.Equal("diverged", diverged.RootElement.GetProperty("status").GetString());
        int round = diverged.RootElement.GetProperty("diverged").GetProperty("round").GetInt32();
        int unit = diverged.RootElement.GetProperty("diverged").GetProperty("unit").GetInt32();
        Assert.InRange(round, 0, 5);
        Assert.InRange(unit, 0, 5);
        Assert.Equal(6, JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "runs", "run-0003", "summary.json"))).RootElement.GetProperty("rounds").GetInt32());
        Dictionary<string, object?[]> columns = await ReadParquet(Path.Combine(output, "results.parquet"));
        Assert.Equal(["finished", "diverged", "finished"], columns["status"]);
        Assert.Equal([null, (long)round, null], columns["diverged.round"]);
        Assert.Equal([null, (long)unit, null], columns["diverged.unit"]);
        Assert.Equal(["finished", "diverged", "finished"], RegistryStatuses(Path.Combine(output, "runs.db")));
    }

    private static string[] RegistryStatuses(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using Microsoft.Data.Sqlite.SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT status, carbon_kg IS NULL FROM runs ORDER BY run_id";
        var statuses = new List<string>();
        using Microsoft.Data.Sqlite.SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.Equal(reader.GetString(0) == "diverged", reader.GetBoolean(1));
            statuses.Add(reader.GetString(0));
        }

        return [.. statuses];
    }

    [Fact]
    public void Sweep_OutHoldsADifferentSweep_ExitsTwo()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        Assert.Equal(ExitCodes.Ok, ProgramTests.Invoke(sweep.Args(output)).Code);
        File.WriteAllText(sweep.SweepPath, TinySweep.Grid.Replace("[1, 2, 3]", "[1, 2]", StringComparison.Ordinal));

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Matches(@"^verdant: --out .*ws: holds a different sweep \(spec [0-9a-f]{12}, this one [0-9a-f]{12}: other scenarios, policies, seeds or parameters\); choose another --out, or pass --force to replace its runs\n$", err);
        Assert.Equal(6, Directory.GetDirectories(Path.Combine(output, "runs")).Length);
    }

    private static int AssertLeaves(JsonElement element, string path, Dictionary<string, object?[]> columns, int row)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.EnumerateObject().Sum(p => AssertLeaves(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", columns, row));
            case JsonValueKind.Number:
                Assert.Equal(element.GetDouble(), Convert.ToDouble(columns[path][row], System.Globalization.CultureInfo.InvariantCulture));
                return 1;
            case JsonValueKind.String:
                Assert.Equal(element.GetString(), columns[path][row]);
                return 1;
            case JsonValueKind.Null:
                Assert.Null(columns[path][row]);
                return 1;
            default:
                return 0;
        }
    }

    private static async Task<Dictionary<string, object?[]>> ReadParquet(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        int rows = (int)group.RowCount;
        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (DataField field in reader.Schema.GetDataFields())
        {
            columns[field.Name] = field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) ? [.. await ReadStrings(group, field, rows)]
                : field.ClrType == typeof(long) ? [.. (await Read<long>(group, field, rows)).Select(v => (object?)v)]
                : field.ClrType == typeof(bool) ? [.. (await Read<bool>(group, field, rows)).Select(v => (object?)v)]
                : [.. (await Read<double>(group, field, rows)).Select(v => (object?)v)];
        }

        return columns;
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }

    private static async Task<string?[]> ReadStrings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static ConsoleUi Ui(TextWriter error) => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    }), error);
}
