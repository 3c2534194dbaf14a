using System.Globalization;
using Spectre.Console;

namespace Verdant.Cli.Compare;

/// <summary>The end-of-comparison table: one row per policy, each metric as mean +- sample standard deviation over seeds.</summary>
internal static class CompareTable
{
    public static Table Build(IReadOnlyList<PolicySummary> summaries, string scenario, double target, bool full, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        string scope = full ? "whole runs" : "spent to reach the target";
        var table = new Table().Border(TableBorder.Minimal)
            .Title(Markup.Escape(F($"{scenario}: target validation accuracy {target:0.###}; energy and carbon {scope}")))
            .Caption(Markup.Escape($"mean, ± sample standard deviation over seeds; time to target over the seeds that reached it. Files: {outputDirectory}"));
        table.AddColumn(new TableColumn("policy").NoWrap());
        foreach (string column in new[] { "to target\n(h)", "final\naccuracy", "energy\n(kWh)", "grid\n(kWh)",
            "carbon\n(kg)", "sent\n(TB)", "node-\nrounds" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned().PadLeft(0).PadRight(1));
        }

        foreach (PolicySummary s in summaries)
        {
            table.AddRow(Markup.Escape(F($"{s.Policy}\n{s.Reached}/{s.Seeds} reached")), Format(s.TimeToTargetHours, "0.0"),
                Format(s.FinalAccuracy, "0.000"), Format(s.EnergyKwh, "0.0"), Format(s.GridKwh, "0.0"), Format(s.CarbonKg, "0.000"),
                Format(s.BytesSent, "0.00", 1e-12), Format(s.NodeRounds, "0"));
        }

        return table;
    }

    /// <summary>"mean", then "±std" on a second line (so that nine columns fit 80 characters), or "-" when there is no value.</summary>
    public static string Format(MeanSpread value, string format, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Count == 0)
        {
            return "-";
        }

        return $"{(value.Mean * scale).ToString(format, CultureInfo.InvariantCulture)}\n±{(value.StdDev * scale).ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
