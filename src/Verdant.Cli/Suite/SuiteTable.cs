using System.Globalization;
using Spectre.Console;

namespace Verdant.Cli.Suite;

/// <summary>The suite's tables: one per scenario, then one over the whole suite (see <see cref="PolicyVerdict"/>).</summary>
internal static class SuiteTable
{
    /// <summary>The baselines the issue's bar names: neither may dominate the recommended policy on more than one scenario.</summary>
    public static readonly string[] BarBaselines = ["carbonscaler", "fedzero"];

    public static IEnumerable<Table> Build(SuiteStatistics statistics, IReadOnlyDictionary<string, double> targets, string reference,
        string recommended, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(targets);
        foreach ((string scenario, IReadOnlyList<PolicyVerdict> policies) in statistics.Scenarios)
        {
            string title = string.Create(CultureInfo.InvariantCulture, $"{scenario}: target validation accuracy {targets[scenario]:0.###}");
            yield return Table(title, policies, reference, recommended, overall: false);
        }

        Table total = Table($"whole suite ({statistics.Scenarios.Count} scenarios)", statistics.Overall, reference, recommended, overall: true);
        total.Caption(Markup.Escape($"ratios: median (min-max) over seeds of policy / {reference} on the same seed; " +
            $"time over the seeds where both reached the target. {Bar(statistics, reference, recommended)} Files: {outputDirectory}"));
        yield return total;
    }

    /// <summary>The recommended policy against the suite's bar (issue 9): every seed reaches the target, median carbon at most
    /// 0.40 of the reference's, median time at most 2x, no named baseline dominating it on more than one scenario.</summary>
    public static string Bar(SuiteStatistics statistics, string reference, string recommended)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        PolicyVerdict? r = statistics.Overall.FirstOrDefault(v => v.Policy == recommended);
        if (r is null || recommended == reference)
        {
            return string.Empty;
        }

        string dominated = string.Join(", ", statistics.Overall.Where(v => BarBaselines.Contains(v.Policy))
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Policy} on {v.DominatesRecommended}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Bar for {recommended}: reached {r.Reached}/{r.Seeds} (all needed); median carbon/{reference} {Median(r.Carbon)} (<= 0.40); " +
            $"median time/{reference} {Median(r.Time)} (<= 2.00); dominated by {(dominated.Length == 0 ? "-" : dominated)} scenarios (<= 1 each).");
    }

    private static string Median(Ratio ratio) => ratio.Count == 0 ? "-" : ratio.Median.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"0.31 (0.25-0.40)", or "-" without a value.</summary>
    public static string Format(Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return ratio.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{ratio.Median:0.00} ({ratio.Min:0.00}-{ratio.Max:0.00})");
    }

    private static Table Table(string title, IReadOnlyList<PolicyVerdict> policies, string reference, string recommended, bool overall)
    {
        var table = new Table().Border(TableBorder.Minimal).Title(Markup.Escape(title));
        table.AddColumn(new TableColumn("policy").NoWrap());
        table.AddColumn(new TableColumn("reached").RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape($"carbon / {reference}")).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape($"time / {reference}")).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape(overall ? $"dominates {recommended} on" : $"dominates {recommended}")).RightAligned());
        foreach (PolicyVerdict v in policies)
        {
            string dominates = v.Policy == recommended ? "(recommended)"
                : overall ? string.Create(CultureInfo.InvariantCulture, $"{v.DominatesRecommended} scenarios")
                : v.DominatesRecommended > 0 ? "yes" : "no";
            string reached = string.Create(CultureInfo.InvariantCulture, $"{v.Reached}/{v.Seeds}")
                + (v.Diverged > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({v.Diverged} diverged)") : string.Empty);
            table.AddRow(Markup.Escape(v.Policy), Markup.Escape(reached),
                Format(v.Carbon), Format(v.Time), Markup.Escape(dominates));
        }

        return table;
    }
}
