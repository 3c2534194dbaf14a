using System.Globalization;
using System.Text;
using ScottPlot;
using Verdant.Cli.Compare;
using Verdant.Cli.Plots;

namespace Verdant.Cli.Report;

/// <summary>
/// A comparison's part of a report (compare.csv): the Pareto chart, one row per policy (mean +- standard deviation over
/// seeds), one row per run; then the full section of each policy's first seed, and a link to every run's own report.
/// </summary>
internal static class CompareSection
{
    /// <summary>The section of a comparison folder: compare.csv, runs under runs/, each policy's first seed shown in full.</summary>
    public static string Render(string directory, CsvData compare, string anchor, int headingLevel)
    {
        CompareRow[] rows = [.. compare.Rows.Select(r => Row(compare, r))];
        string title = $"Comparison: {Path.GetFileName(Path.TrimEndingDirectorySeparator(directory))}";
        return Render(new Runs(rows, Path.Combine(directory, "runs"), "runs/"), title, anchor, headingLevel, embedRuns: true);
    }

    /// <summary>
    /// The section of one set of runs of a scenario: Pareto chart and tables, and when <paramref name="embedRuns"/> the
    /// full section of each policy's first seed.
    /// </summary>
    public static string Render(Runs runs, string title, string anchor, int headingLevel, bool embedRuns)
    {
        ArgumentNullException.ThrowIfNull(runs);
        // compare stops each run at the target unless --full; a run stopped there says so.
        bool wholeRuns = !runs.Rows.Any(r => r.StopReason.Contains("target", StringComparison.Ordinal));
        string h = $"h{headingLevel}", sub = $"h{headingLevel + 1}";
        var sb = new StringBuilder($"<section id=\"{anchor}\" class=\"compare\"><{h}>{Html.Escape(title)}</{h}>\n");
        sb.Append($"<{sub}>Carbon against time to target</{sub}>\n").Append(Pareto(runs.Rows, wholeRuns, $"{anchor}-pareto"));
        sb.Append($"<{sub}>Policies</{sub}>\n").Append(PolicyTable(runs.Rows));
        var embedded = new List<(string Folder, string Anchor)>();
        foreach (CompareRow first in runs.Rows.GroupBy(r => r.Policy, StringComparer.Ordinal).Select(g => g.OrderBy(r => r.Seed).First()))
        {
            if (embedRuns && RunFolder.IsRun(Path.Combine(runs.Directory, FolderName(first))))
            {
                embedded.Add((FolderName(first), $"{anchor}-{Html.Anchor(FolderName(first))}"));
            }
        }

        sb.Append($"<{sub}>Runs</{sub}>\n").Append(RunTable(runs, embedded));
        foreach ((string folder, string runAnchor) in embedded)
        {
            sb.Append(RunSection.Render(RunFolder.Read(Path.Combine(runs.Directory, folder)), runAnchor, headingLevel + 1));
        }

        return sb.Append("</section>\n").ToString();
    }

    /// <summary>Reads compare.csv rows (or suite.csv rows: the same columns after <c>scenario</c>).</summary>
    public static CompareRow[] Rows(CsvData csv, IEnumerable<string[]> rows) => [.. rows.Select(r => Row(csv, r))];

    public static string FolderName(CompareRow r) => $"{r.Policy}-seed{r.Seed.ToString(CultureInfo.InvariantCulture)}";

    private static CompareRow Row(CsvData csv, string[] r)
    {
        double time = csv.Number(r, "time_to_target_h");
        return new CompareRow(csv.Text(r, "policy"), (int)csv.Number(r, "seed"), double.IsNaN(time) ? null : time,
            csv.Number(r, "final_accuracy"), csv.Number(r, "energy_kwh"), csv.Number(r, "grid_kwh"), csv.Number(r, "carbon_kg"),
            (long)Zero(csv.Number(r, "bytes_sent")), (long)Zero(csv.Number(r, "node_rounds")), csv.Number(r, "simulated_hours"),
            (int)Zero(csv.Number(r, "rounds")), csv.Text(r, "stop_reason"));
    }

    private static double Zero(double x) => double.IsFinite(x) ? x : 0;

    private static string Pareto(IReadOnlyList<CompareRow> rows, bool wholeRuns, string id)
    {
        using var plot = new Plot();
        ParetoPlot.Compose(plot, rows, "carbon against time to the target accuracy", wholeRuns);
        return ChartBox.Figure(id, SvgChart.Render(plot, id, 1000, 600),
            "One point per policy and seed; lower-left is better on both. Runs that missed the target are not plotted.");
    }

    private static string PolicyTable(IReadOnlyList<CompareRow> rows)
    {
        var sb = new StringBuilder("<table class=\"compare\"><tr><th>policy</th><th>reached / seeds</th><th>time to target (h)</th><th>final accuracy</th><th>energy (kWh)</th><th>grid (kWh)</th><th>carbon (kg CO2eq)</th><th>node-rounds</th></tr>\n");
        foreach (PolicySummary p in CompareAggregation.Summarize(rows))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(p.Policy)}</td><td>{p.Reached} / {p.Seeds}</td><td>{Spread(p.TimeToTargetHours)}</td><td>{Spread(p.FinalAccuracy)}</td><td>{Spread(p.EnergyKwh)}</td><td>{Spread(p.GridKwh)}</td><td>{Spread(p.CarbonKg)}</td><td>{Spread(p.NodeRounds)}</td></tr>\n");
        }

        return sb.Append("</table>\n<p class=\"note\">Mean &plusmn; sample standard deviation over seeds; time to target over the seeds that reached it.</p>\n").ToString();
    }

    private static string Spread(MeanSpread m) => m.Count > 1 ? $"{Html.Number(m.Mean)} &plusmn; {Html.Number(m.StdDev)}" : Html.Number(m.Mean);

    private static string RunTable(Runs runs, List<(string Folder, string Anchor)> embedded)
    {
        var sb = new StringBuilder("<table class=\"compare\"><tr><th>policy</th><th>seed</th><th>time to target (h)</th><th>final accuracy</th><th>energy (kWh)</th><th>carbon (kg CO2eq)</th><th>stop</th><th>details</th></tr>\n");
        foreach (CompareRow r in runs.Rows)
        {
            string folder = FolderName(r);
            string link = embedded.FirstOrDefault(e => e.Folder == folder).Anchor is { } a ? $"<a href=\"#{a}\">below</a>" : string.Empty;
            if (File.Exists(Path.Combine(runs.Directory, folder, HtmlReport.FileName)))
            {
                link += $"{(link.Length > 0 ? " &middot; " : string.Empty)}<a href=\"{runs.Link}{Uri.EscapeDataString(folder)}/{HtmlReport.FileName}\">own report</a>";
            }

            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(r.Policy)}</td><td>{r.Seed}</td><td>{Html.Number(r.TimeToTargetHours ?? double.NaN)}</td><td>{Html.Number(r.FinalAccuracy)}</td><td>{Html.Number(r.EnergyKwh)}</td><td>{Html.Number(r.CarbonKg)}</td><td>{Html.Escape(r.StopReason)}</td><td>{link}</td></tr>\n");
        }

        return sb.Append("</table>\n").ToString();
    }

    /// <summary>
    /// The runs of one scenario: their rows, the folder holding their run folders (POLICY-seedS), and that folder as a
    /// link relative to the report.
    /// </summary>
    internal sealed record Runs(IReadOnlyList<CompareRow> Rows, string Directory, string Link);
}
