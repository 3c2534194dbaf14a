using System.Globalization;
using Verdant.Cli.Compare;
using Verdant.Cli.Engine;
using Verdant.Cli.Plots;
using Verdant.Cli.Suite;

namespace Verdant.Cli.Output;

/// <summary>
/// A suite's aggregate files, rewritten whole (each through a temporary file and a rename) from all finished runs:
/// suite.csv, suite-summary.csv and pareto/SCENARIO.png.
/// </summary>
internal static class SuiteFiles
{
    public const string SummaryHeader =
        "scenario,policy,seeds,reached,carbon_ratio_median,carbon_ratio_min,carbon_ratio_max,time_ratio_median,time_ratio_min,time_ratio_max,time_ratio_seeds,dominates_recommended,diverged";

    public static void Write(RunWorkspace workspace, IReadOnlyList<SuiteRow> rows, SuiteStatistics statistics, bool full,
        IReadOnlyDictionary<string, double> targets)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(targets);
        workspace.WriteAtomically("suite.csv", path => WriteText(path, w => WriteCsv(w, rows)));
        workspace.WriteAtomically("suite-summary.csv", path => WriteText(path, w => WriteSummary(w, statistics)));
        foreach (IGrouping<string, SuiteRow> scenario in rows.GroupBy(r => r.Scenario, StringComparer.Ordinal))
        {
            string title = string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Key}: carbon against time to validation accuracy {targets[scenario.Key]:0.###}");
            byte[] png = ParetoPlot.Render([.. scenario.Select(r => r.Row)], title, full);
            workspace.WriteAtomically(Path.Combine("pareto", $"{scenario.Key}.png"), path => File.WriteAllBytes(path, png));
        }
    }

    /// <summary>suite.csv: "scenario" then the compare.csv columns, one row per scenario, policy and seed.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<SuiteRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write("scenario," + CompareFiles.Header + "\n");
        foreach (SuiteRow r in rows)
        {
            Csv.Row(writer, [Csv.Text(r.Scenario), .. CompareFiles.Cells(r.Row)]);
        }
    }

    private static void WriteSummary(TextWriter writer, SuiteStatistics statistics)
    {
        writer.Write(SummaryHeader + "\n");
        IEnumerable<(string Scenario, PolicyVerdict Verdict)> all = statistics.Scenarios
            .SelectMany(s => s.Policies.Select(p => (s.Scenario, p)))
            .Concat(statistics.Overall.Select(p => ("(suite)", p)));
        foreach ((string scenario, PolicyVerdict v) in all)
        {
            Csv.Row(writer, Csv.Text(scenario), Csv.Text(v.Policy), Csv.Number(v.Seeds), Csv.Number(v.Reached),
                Csv.Number(v.Carbon.Median), Csv.Number(v.Carbon.Min), Csv.Number(v.Carbon.Max),
                Csv.Number(v.Time.Median), Csv.Number(v.Time.Min), Csv.Number(v.Time.Max), Csv.Number(v.Time.Count),
                Csv.Number(v.DominatesRecommended), Csv.Number(v.Diverged));
        }
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        write(writer);
    }
}
