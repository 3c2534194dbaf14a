using System.Text.Json;

namespace Verdant.Cli.Report;

/// <summary>
/// One run's output folder as the report reads it. Every file is optional: a section whose file is missing says so
/// instead of failing, so that folders written by older versions (no activity.csv or sites.json) still get a report.
/// </summary>
internal sealed class RunFolder
{
    private RunFolder(string directory, JsonElement? summary)
    {
        Directory = directory;
        Summary = summary;
        Rounds = CsvData.TryRead(Path.Combine(directory, "rounds.csv"));
        Energy = CsvData.TryRead(Path.Combine(directory, "energy.csv"));
        Decisions = CsvData.TryRead(Path.Combine(directory, "decisions.csv"));
        Activity = CsvData.TryRead(Path.Combine(directory, "activity.csv"));
        Sites = ReadJson(Path.Combine(directory, "sites.json"));
    }

    public string Directory { get; }

    public JsonElement? Summary { get; }

    public CsvData? Rounds { get; }

    public CsvData? Energy { get; }

    public CsvData? Decisions { get; }

    public CsvData? Activity { get; }

    public JsonElement? Sites { get; }

    /// <summary>A title for the run: policy and seed from summary.json, or the folder's name.</summary>
    public string Title => Summary is { } s && s.TryGetProperty("policy", out JsonElement p) && p.ValueKind == JsonValueKind.String
        ? $"{p.GetString()} (seed {SummaryText("seed")}, scenario {SummaryText("scenario")})"
        : Path.GetFileName(Path.TrimEndingDirectorySeparator(Directory));

    /// <summary>Whether <paramref name="directory"/> holds a run's files.</summary>
    public static bool IsRun(string directory)
        => File.Exists(Path.Combine(directory, "summary.json")) || File.Exists(Path.Combine(directory, "rounds.csv"));

    public static RunFolder Read(string directory) => new(directory, ReadJson(Path.Combine(directory, "summary.json")));

    /// <summary>A summary value as text (numbers invariant), or empty when absent.</summary>
    public string SummaryText(string path)
    {
        JsonElement? e = SummaryValue(path);
        return e is null ? string.Empty : e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() ?? string.Empty : e.Value.GetRawText();
    }

    /// <summary>A summary number by dotted path (e.g. <c>energy_kwh.network</c>), or null when absent or null.</summary>
    public double? SummaryNumber(string path)
        => SummaryValue(path) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;

    private JsonElement? SummaryValue(string path)
    {
        if (Summary is not { } e)
        {
            return null;
        }

        foreach (string part in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e))
            {
                return null;
            }
        }

        return e;
    }

    private static JsonElement? ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ReportException($"{path}: not valid JSON ({ex.Message})", ex);
        }
    }
}
