using System.Globalization;
using Spectre.Console;
using Verdant.Cli.Engine;

namespace Verdant.Cli.Console;

/// <summary>The tables of `verdant runs` and of the end of a sweep, built from finished runs (registry or folders).</summary>
internal static class RunsTable
{
    /// <summary>One row per run: id, the parameters that differ between runs, and the headline numbers.</summary>
    public static Table List(IReadOnlyList<FinishedRun> runs, string title)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string[] varying = [.. runs.SelectMany(r => r.Parameters.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .Where(p => runs.Select(r => r.Parameter(p)).Distinct(StringComparer.Ordinal).Count() > 1)];
        var table = new Table().Border(TableBorder.Minimal).Title(Markup.Escape(title));
        table.AddColumn(new TableColumn("run").NoWrap());
        foreach (string p in varying)
        {
            table.AddColumn(new TableColumn(Markup.Escape(Header(p, varying))).RightAligned());
        }

        foreach (string column in new[] { "test\naccuracy", "to target\n(h)", "energy\n(kWh)", "carbon\n(kg)" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        // A status column only when some run blew up, so the common table stays as narrow as it was.
        bool anyDiverged = runs.Any(r => r.Diverged);
        if (anyDiverged)
        {
            table.AddColumn(new TableColumn("status"));
        }

        foreach (FinishedRun r in runs)
        {
            string[] cells = [Markup.Escape(r.Key), .. varying.Select(p => Markup.Escape(r.Parameter(p) ?? "-")),
                N(r.Number("final.test_accuracy"), "0.000"), N(r.Number("time_to_target_hours"), "0.0"), N(r.Number("energy_kwh.total"), "0.0"),
                N(r.Number("carbon_kg"), "0.000"), .. anyDiverged ? [Markup.Escape(Status(r))] : Array.Empty<string>()];
            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>Every parameter and summary field of one run.</summary>
    public static Table Show(FinishedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = new Table().Border(TableBorder.Minimal).Title(Markup.Escape(run.Label));
        table.AddColumn("field");
        table.AddColumn("value");
        foreach ((string field, string value) in Rows(run))
        {
            table.AddRow(Markup.Escape(field), Markup.Escape(value));
        }

        return table;
    }

    /// <summary>The parameters and fields whose values differ between two runs; B - A for numbers.</summary>
    public static Table Diff(FinishedRun a, FinishedRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Dictionary<string, string> left = Rows(a).ToDictionary(r => r.Field, r => r.Value, StringComparer.Ordinal);
        Dictionary<string, string> right = Rows(b).ToDictionary(r => r.Field, r => r.Value, StringComparer.Ordinal);
        var table = new Table().Border(TableBorder.Minimal).Title(Markup.Escape($"{a.Key} -> {b.Key}: what differs"));
        table.AddColumn("field");
        table.AddColumn(new TableColumn(Markup.Escape(a.Key)).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape(b.Key)).RightAligned());
        table.AddColumn(new TableColumn("B - A").RightAligned());
        foreach (string field in left.Keys.Concat(right.Keys).Distinct(StringComparer.Ordinal))
        {
            string x = left.GetValueOrDefault(field) ?? "-";
            string y = right.GetValueOrDefault(field) ?? "-";
            // Run ids and folders always differ; they are in the title.
            if (x != y && field is not ("run_id" or "output_dir"))
            {
                table.AddRow(Markup.Escape(field), Markup.Escape(x), Markup.Escape(y), Markup.Escape(Delta(x, y)));
            }
        }

        return table;
    }

    // The last key of a path (learning_rate for training.learning_rate) keeps 80-column tables readable; the full path
    // when two varying paths share their last key.
    private static string Header(string path, IReadOnlyList<string> all)
    {
        static string Last(string p) => p[(p.LastIndexOf('.') + 1)..];
        return all.Count(p => Last(p) == Last(path)) > 1 ? path : Last(path);
    }

    private static IEnumerable<(string Field, string Value)> Rows(FinishedRun run)
    {
        yield return ("run_id", run.Key);
        yield return ("scenario_hash", run.ScenarioHash);
        yield return ("output_dir", run.Directory);
        foreach ((string path, string value) in run.Parameters)
        {
            yield return ($"param.{path}", value);
        }

        foreach (SummaryField f in run.Fields)
        {
            yield return (f.Name, f.Display);
        }
    }

    private static string Delta(string a, string b)
        => double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
            ? (y - x).ToString("G6", CultureInfo.InvariantCulture) : string.Empty;

    private static string Status(FinishedRun run) => run.Diverged
        ? string.Create(CultureInfo.InvariantCulture, $"diverged at round {run.Number("diverged.round")}, unit {run.Number("diverged.unit")}")
        : run.Status;

    private static string N(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
