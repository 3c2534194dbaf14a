using System.Globalization;
using Verdant.Cli.Engine;

namespace Verdant.Cli.Registry;

/// <summary>
/// One column of the results table: a run's identity, a parameter (<c>param.PATH</c>) or a summary.json leaf, with the
/// type its values share: whole numbers, numbers, true/false, or text (any mix of kinds is text).
/// </summary>
internal sealed record ResultColumn(string Name, ResultColumnKind Kind, IReadOnlyList<SummaryField?> Values)
{
    /// <summary>The columns of <paramref name="runs"/>: run_id, label, scenario_hash, output_dir, status, parameters, summary fields.</summary>
    public static IReadOnlyList<ResultColumn> Of(IReadOnlyList<FinishedRun> runs, string workspace)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var columns = new List<ResultColumn>
        {
            Text("run_id", runs.Select(r => r.Key)),
            Text("label", runs.Select(r => r.Label)),
            Text("scenario_hash", runs.Select(r => r.ScenarioHash)),
            Text("output_dir", runs.Select(r => Path.GetRelativePath(workspace, r.Directory))),
            Text("status", runs.Select(r => r.Status)),
        };
        foreach (string path in runs.SelectMany(r => r.Parameters.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
        {
            columns.Add(Typed($"param.{path}", runs.Select(r => r.Parameter(path) is { } v ? ParameterField(path, v) : null)));
        }

        // status is the identity column above (a diverged run's summary carries it; a finished run's does not).
        foreach (string name in runs.SelectMany(r => r.Fields.Select(f => f.Name)).Distinct(StringComparer.Ordinal).Where(n => n != "status"))
        {
            columns.Add(Typed(name, runs.Select(r => r.Field(name))));
        }

        return columns;
    }

    /// <summary>A parameter value as a field: a number or true/false when it reads as one, otherwise text.</summary>
    public static SummaryField ParameterField(string path, string value)
        => value is "true" or "false" ? new SummaryField(path, null, null, value == "true")
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && double.IsFinite(n)
            ? new SummaryField(path, n, null, null, IsInteger: value.IndexOfAny(['.', 'e', 'E']) < 0 && Math.Abs(n) < 9e15)
            : new SummaryField(path, null, value, null);

    private static ResultColumn Text(string name, IEnumerable<string> values)
        => new(name, ResultColumnKind.Text, [.. values.Select(v => new SummaryField(name, null, v, null))]);

    private static ResultColumn Typed(string name, IEnumerable<SummaryField?> values)
    {
        SummaryField?[] v = [.. values];
        SummaryField[] present = [.. v.Where(f => f is not null && (f.Number is not null || f.Text is not null || f.Flag is not null))!];
        ResultColumnKind kind = present.Length == 0 ? ResultColumnKind.Number
            : present.All(f => f.Number is not null && f.IsInteger) ? ResultColumnKind.Integer
            : present.All(f => f.Number is not null) ? ResultColumnKind.Number
            : present.All(f => f.Flag is not null) ? ResultColumnKind.Flag
            : ResultColumnKind.Text;
        return new ResultColumn(name, kind, v);
    }
}

/// <summary>The type of a results column.</summary>
internal enum ResultColumnKind
{
    Integer,
    Number,
    Flag,
    Text,
}
