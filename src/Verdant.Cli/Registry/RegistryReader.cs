using Microsoft.Data.Sqlite;
using Verdant.Cli.Commands;
using Verdant.Cli.Engine;

namespace Verdant.Cli.Registry;

/// <summary>Reads a run registry (runs.db) back into <see cref="FinishedRun"/>s, in the order the runs were planned.</summary>
internal static class RegistryReader
{
    /// <summary>The registry at <paramref name="path"/>: a runs.db file or a folder holding one.</summary>
    /// <exception cref="UsageException">No registry there, or not one Verdant wrote.</exception>
    public static IReadOnlyList<FinishedRun> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Directory.Exists(path) ? Path.Combine(path, RunRegistry.FileName) : path;
        if (!File.Exists(file))
        {
            throw new UsageException($"no run registry at {path} (runs.db); `verdant sweep` and `verdant compare --suite` write one in their --out folder");
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            connection.Open();
            string root = Path.GetDirectoryName(Path.GetFullPath(file))!;
            Dictionary<string, List<KeyValuePair<string, string>>> parameters = Group(connection,
                "SELECT run_id, path, value FROM parameters ORDER BY rowid", r => KeyValuePair.Create(r.GetString(1), r.GetString(2)));
            Dictionary<string, List<SummaryField>> fields = Group(connection,
                "SELECT run_id, field, number, text FROM summary_fields ORDER BY rowid",
                r => new SummaryField(r.GetString(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3), null));
            var runs = new List<FinishedRun>();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT run_id, label, scenario_hash, output_dir FROM runs ORDER BY rowid";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string id = reader.GetString(0);
                runs.Add(new FinishedRun(id, reader.GetString(1), reader.GetString(2), parameters.GetValueOrDefault(id) ?? [],
                    fields.GetValueOrDefault(id) ?? [], Path.Combine(root, reader.GetString(3))));
            }

            return runs;
        }
        catch (SqliteException ex)
        {
            throw new UsageException($"{file}: not a Verdant run registry: {ex.Message}");
        }
    }

    private static Dictionary<string, List<T>> Group<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string id = reader.GetString(0);
            if (!groups.TryGetValue(id, out List<T>? list))
            {
                groups[id] = list = [];
            }

            list.Add(read(reader));
        }

        return groups;
    }
}
