using System.Globalization;
using System.Text;
using Verdant.Cli.Compare;

namespace Verdant.Cli.Report;

/// <summary>
/// A suite's part of a report (suite.csv: <c>scenario</c>, then the compare.csv columns, one row per scenario, policy
/// and seed; runs under runs/SCENARIO/POLICY-seedS/): one row per scenario linking to that scenario's section, the
/// verdicts of suite-summary.csv when present, then each scenario's comparison (Pareto chart, tables, links to the
/// runs' own reports where they have one).
/// </summary>
internal static class SuiteSection
{
    public static string Render(string directory, CsvData suite)
    {
        var scenarios = suite.Rows.GroupBy(r => suite.Text(r, "scenario"), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Anchor: $"scenario-{Html.Anchor(g.Key)}", Rows: CompareSection.Rows(suite, g))).ToList();
        var sb = new StringBuilder("<section id=\"suite\"><h2>Suite</h2>\n<table class=\"compare\"><tr><th>scenario</th><th>runs</th><th>reached the target</th><th>least carbon (mean over seeds)</th><th>fastest to target (mean over seeds that reached it)</th></tr>\n");
        foreach (var s in scenarios)
        {
            IReadOnlyList<PolicySummary> policies = CompareAggregation.Summarize(s.Rows);
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{s.Anchor}\">{Html.Escape(s.Name)}</a></td><td>{s.Rows.Length}</td><td>{s.Rows.Count(r => r.ReachedTarget)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Best(policies, p => p.CarbonKg.Mean, " kg")}</td><td>{Best(policies, p => p.TimeToTargetHours.Mean, " h")}</td></tr>\n");
        }

        sb.Append("</table>\n").Append(Verdicts(directory)).Append("</section>\n");
        foreach (var s in scenarios)
        {
            var runs = new CompareSection.Runs(s.Rows, Path.Combine(directory, "runs", s.Name), $"runs/{Uri.EscapeDataString(s.Name)}/");
            sb.Append(CompareSection.Render(runs, $"Scenario: {s.Name}", s.Anchor, 2, embedRuns: false));
        }

        return sb.ToString();
    }

    private static string Best(IReadOnlyList<PolicySummary> policies, Func<PolicySummary, double> value, string unit)
    {
        PolicySummary? best = policies.Where(p => double.IsFinite(value(p))).OrderBy(value).FirstOrDefault();
        return best is null ? "&ndash;" : $"{Html.Escape(best.Policy)} ({Html.Number(value(best))}{unit})";
    }

    // suite-summary.csv as written, one table: its columns are the suite command's verdicts (docs/compare.md).
    private static string Verdicts(string directory)
    {
        if (CsvData.TryRead(Path.Combine(directory, "suite-summary.csv")) is not { Count: > 0 } summary)
        {
            return string.Empty;
        }

        var sb = new StringBuilder("<details><summary>Verdicts (suite-summary.csv)</summary><table class=\"compare\"><tr>");
        foreach (string column in summary.Header)
        {
            sb.Append("<th>").Append(Html.Escape(column)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (string[] row in summary.Rows)
        {
            sb.Append("<tr>");
            foreach (string column in summary.Header)
            {
                sb.Append("<td>").Append(Html.Escape(summary.Text(row, column))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table></details>\n").ToString();
    }
}
