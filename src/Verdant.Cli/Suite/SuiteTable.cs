using System.Globalization;
using Spectre.Console;

namespace Verdant.Cli.Suite;

/// <summary>The suite's tables: one per scenario, then one over the whole suite (see <see cref="PolicyVerdict"/>).</summary>
internal static class SuiteTable
{
    public static IEnumerable<Table> Build(SuiteStatistics statistics, string reference, string recommended, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        foreach ((string scenario, IReadOnlyList<PolicyVerdict> policies) in statistics.Scenarios)
        {
            yield return Table($"{scenario}", policies, reference, recommended, overall: false);
        }

        Table total = Table($"whole suite ({statistics.Scenarios.Count} scenarios)", statistics.Overall, reference, recommended, overall: true);
        total.Caption(Markup.Escape($"ratios: median (min-max) over seeds of policy / {reference} on the same seed; " +
            $"time over the seeds where both reached the target. Files: {outputDirectory}"));
        yield return total;
    }

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
            table.AddRow(Markup.Escape(v.Policy), string.Create(CultureInfo.InvariantCulture, $"{v.Reached}/{v.Seeds}"),
                Format(v.Carbon), Format(v.Time), Markup.Escape(dominates));
        }

        return table;
    }
}
