using Microsoft.Data.Sqlite;
using Verdant.Cli.Engine;

namespace Verdant.Cli.Registry;

/// <summary>
/// runs.db, the SQLite run registry of a workspace (docs/sweeps.md): one row per finished run with its scenario hash,
/// headline numbers, output folder, whole summary.json and status ("finished", or "diverged": then the numbers are null
/// and summary_fields holds diverged.round, diverged.unit and diverged.message); its parameters; and every summary.json leaf in a long table,
/// so that fields added to summary.json are queryable without a schema change.
/// </summary>
internal static class RunRegistry
{
    public const string FileName = "runs.db";

    public const string Schema = """
        CREATE TABLE workspace (kind TEXT NOT NULL, spec_hash TEXT NOT NULL, runs INTEGER NOT NULL);
        CREATE TABLE runs (
          run_id TEXT PRIMARY KEY, label TEXT NOT NULL, scenario_hash TEXT NOT NULL,
          scenario TEXT, policy TEXT, seed INTEGER, reached_target INTEGER,
          time_to_target_hours REAL, final_test_accuracy REAL, energy_kwh REAL, carbon_kg REAL,
          output_dir TEXT NOT NULL, summary_json TEXT NOT NULL, status TEXT NOT NULL);
        CREATE TABLE parameters (
          run_id TEXT NOT NULL REFERENCES runs(run_id), path TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, path));
        CREATE TABLE summary_fields (
          run_id TEXT NOT NULL REFERENCES runs(run_id), field TEXT NOT NULL, number REAL, text TEXT, PRIMARY KEY (run_id, field));
        """;

    /// <summary>Writes a new registry at <paramref name="path"/> (which must not exist) from <paramref name="runs"/>.</summary>
    public static void Write(string path, string kind, string specHash, IReadOnlyList<FinishedRun> runs, string workspace)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, Schema);
        Execute(connection, "INSERT INTO workspace VALUES ($kind, $hash, $runs)", ("$kind", kind), ("$hash", specHash), ("$runs", runs.Count));
        foreach (FinishedRun run in runs)
        {
            Insert(connection, run, workspace);
        }

        transaction.Commit();
    }

    private static void Insert(SqliteConnection connection, FinishedRun run, string workspace)
    {
        double time = run.Number("time_to_target_hours");
        Execute(connection, "INSERT INTO runs VALUES ($id, $label, $hash, $scenario, $policy, $seed, $reached, $time, $acc, $kwh, $carbon, $dir, $json, $status)",
            ("$id", run.Key), ("$label", run.Label), ("$hash", run.ScenarioHash), ("$scenario", run.Parameter("scenario") ?? run.Field("scenario")?.Text),
            ("$policy", run.Field("policy")?.Text), ("$seed", run.Field("seed")?.Number), ("$reached", double.IsNaN(time) ? 0 : 1),
            ("$time", Nullable(time)), ("$acc", Nullable(run.Number("final.test_accuracy"))), ("$kwh", Nullable(run.Number("energy_kwh.total"))),
            ("$carbon", Nullable(run.Number("carbon_kg"))), ("$dir", Path.GetRelativePath(workspace, run.Directory)),
            ("$json", File.ReadAllText(Path.Combine(run.Directory, RunFolder.SummaryJson))), ("$status", run.Status));
        foreach ((string key, string value) in run.Parameters)
        {
            Execute(connection, "INSERT INTO parameters VALUES ($id, $path, $value)", ("$id", run.Key), ("$path", key), ("$value", value));
        }

        foreach (SummaryField field in run.Fields)
        {
            object? text = field.Number is null ? (field.Flag is not null ? field.Display : field.Text) : null;
            Execute(connection, "INSERT INTO summary_fields VALUES ($id, $field, $number, $text)",
                ("$id", run.Key), ("$field", field.Name), ("$number", field.Number), ("$text", text));
        }
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
