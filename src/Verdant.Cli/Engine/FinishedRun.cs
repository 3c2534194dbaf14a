using System.Globalization;
using System.Text.Json;

namespace Verdant.Cli.Engine;

/// <summary>
/// A run that finished in a workspace, read back from its folder (run.json and summary.json): what every aggregate (suite
/// table, suite.csv, runs.db, results.parquet) is built from, whether the run finished now or in an earlier session.
/// </summary>
internal sealed record FinishedRun(
    string Key,
    string Label,
    string ScenarioHash,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<SummaryField> Fields,
    string Directory)
{
    /// <summary>"diverged" for a run that blew up (its summary.json says so), otherwise "finished".</summary>
    public string Status => Text("status") is { Length: > 0 } status ? status : "finished";

    /// <summary>Whether the run blew up (<see cref="Status"/>).</summary>
    public bool Diverged => Status == Output.SummaryJson.DivergedStatus;

    /// <summary>The summary field <paramref name="name"/>, or null when summary.json has no such leaf.</summary>
    public SummaryField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The number at <paramref name="name"/>; NaN when absent or null.</summary>
    public double Number(string name) => Field(name)?.Number ?? double.NaN;

    /// <summary>The text at <paramref name="name"/>, or the empty string.</summary>
    public string Text(string name) => Field(name)?.Text ?? string.Empty;

    /// <summary>The parameter at <paramref name="path"/>, or null when the run does not set it.</summary>
    public string? Parameter(string path) => Parameters.FirstOrDefault(p => p.Key == path).Value;

    public static FinishedRun Read(string directory)
    {
        using JsonDocument run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, RunFolder.RunJson)));
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, RunFolder.SummaryJson)));
        JsonElement root = run.RootElement;
        KeyValuePair<string, string>[] parameters = [.. root.GetProperty("parameters").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? string.Empty))];
        var fields = new List<SummaryField>();
        Flatten(summary.RootElement, string.Empty, fields);
        return new FinishedRun(root.GetProperty("key").GetString()!, root.GetProperty("label").GetString()!,
            root.GetProperty("scenario_hash").GetString()!, parameters, fields, directory);
    }

    private static void Flatten(JsonElement element, string path, List<SummaryField> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    Flatten(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", into);
                }

                break;
            case JsonValueKind.Array:
                // Lists have no fixed column; they stay in summary.json (and in runs.db's summary_json).
                into.Add(new SummaryField(path, null, element.GetRawText(), null));
                break;
            case JsonValueKind.Number:
                string raw = element.GetRawText();
                bool integer = raw.IndexOfAny(['.', 'e', 'E']) < 0;
                into.Add(new SummaryField(path, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), null, null, integer));
                break;
            case JsonValueKind.String:
                into.Add(new SummaryField(path, null, element.GetString(), null));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                into.Add(new SummaryField(path, null, null, element.GetBoolean()));
                break;
            default:
                into.Add(new SummaryField(path, null, null, null));
                break;
        }
    }
}
