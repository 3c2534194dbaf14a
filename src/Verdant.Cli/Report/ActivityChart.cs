using System.Globalization;
using System.Text;
using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// Which units trained where and when: a site x time heatmap of the share of each site's units that the policy made
/// active (activity.csv), one column per decision; resting the pointer on a column shows that decision, its active
/// sites and the policy's reason. The decisions follow as a table (decisions.csv).
/// </summary>
internal static class ActivityChart
{
    private const int WidthPx = 1100;
    private const int RowPx = 22;

    public static string Render(RunFolder run, DateTimeOffset? origin, string prefix)
    {
        string table = DecisionTable(run.Decisions);
        CsvData? activity = run.Activity;
        if (activity is null || activity.Count == 0)
        {
            return ChartBox.Missing("Active units by site", "activity.csv is missing (written by Verdant since the report was added)") + table;
        }

        List<Decision> decisions = Read(activity, run.Decisions);
        string[] sites = [.. activity.Rows.Select(r => activity.Text(r, "site")).Distinct(StringComparer.Ordinal)];
        DateTimeOffset start = origin ?? decisions[0].Time;
        double end = run.SummaryNumber("simulated_hours") is { } h && h > (decisions[^1].Time - start).TotalHours
            ? h : (decisions[^1].Time - start).TotalHours + 1;
        using var plot = new Plot();
        var hovers = new List<SvgChart.Hover>();
        double[] edges = [.. decisions.Select(d => (d.Time - start).TotalHours), end];
        for (int s = 0; s < sites.Length; s++)
        {
            DrawRow(plot, decisions, edges, sites[s], sites.Length - s - 1);
        }

        for (int i = 0; i < decisions.Count; i++)
        {
            hovers.Add(new SvgChart.Hover(edges[i], edges[i + 1], 0, sites.Length, decisions[i].Describe(edges[i], sites)));
        }

        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, sites.Length).Select(s => sites.Length - s - 0.5)], sites);
        plot.Axes.SetLimits(0, end, 0, sites.Length);
        plot.XLabel("simulated time (h)");
        plot.HideGrid();
        string id = $"{prefix}-activity";
        string svg = SvgChart.Render(plot, id, WidthPx, 90 + (RowPx * sites.Length), hovers);
        return ChartBox.Figure(id, svg,
            "Share of each site's units active (darker: more; blank: none). Rest the pointer on a column for the decision and the policy's reason.")
            + table;
    }

    // One rectangle per stretch of equal activity, not one per decision: a month of hourly decisions stays small.
    private static void DrawRow(Plot plot, List<Decision> decisions, double[] edges, string site, double y)
    {
        int from = 0;
        for (int i = 1; i <= decisions.Count; i++)
        {
            (int active, int units) = decisions[from].BySite.GetValueOrDefault(site);
            if (i < decisions.Count && decisions[i].BySite.GetValueOrDefault(site) == (active, units))
            {
                continue;
            }

            if (active > 0)
            {
                var cell = plot.Add.Rectangle(edges[from], edges[i], y, y + 1);
                cell.FillColor = Shade(units > 0 ? (double)active / units : 1);
                cell.LineWidth = 0;
            }

            from = i;
        }
    }

    private static Color Shade(double share)
    {
        // From a pale to a dark green, so a single active unit still shows.
        Color pale = Color.FromHex("#c7e9c0"), dark = Color.FromHex("#00441b");
        double t = Math.Clamp(share, 0, 1);
        return new Color((byte)(pale.R + ((dark.R - pale.R) * t)), (byte)(pale.G + ((dark.G - pale.G) * t)), (byte)(pale.B + ((dark.B - pale.B) * t)));
    }

    private static List<Decision> Read(CsvData activity, CsvData? decisions)
    {
        var reasons = new Dictionary<string, (string Round, string Reason)>(StringComparer.Ordinal);
        foreach (string[] r in decisions?.Rows ?? [])
        {
            reasons[decisions!.Text(r, "time_utc")] = (decisions.Text(r, "round"), decisions.Text(r, "reason"));
        }

        var list = new List<Decision>();
        foreach (string[] r in activity.Rows)
        {
            string time = activity.Text(r, "time_utc");
            if (list.Count == 0 || list[^1].Key != time)
            {
                (string round, string reason) = reasons.GetValueOrDefault(time, (activity.Text(r, "round"), string.Empty));
                list.Add(new Decision(time, activity.Time(r, "time_utc") ?? default, round, reason, []));
            }

            list[^1].BySite[activity.Text(r, "site")] = ((int)activity.Number(r, "active_units"), (int)activity.Number(r, "units"));
        }

        return list;
    }

    private static string DecisionTable(CsvData? decisions)
    {
        if (decisions is null || decisions.Count == 0)
        {
            return ChartBox.Missing("Decisions", "decisions.csv is missing or empty");
        }

        var sb = new StringBuilder("<details><summary>The policy's decisions (")
            .Append(decisions.Count.ToString(CultureInfo.InvariantCulture))
            .Append(")</summary><table class=\"decisions\"><tr><th>time (UTC)</th><th>round</th><th>active units</th><th>active sites</th><th>spectral gap</th><th>reason</th></tr>\n");
        foreach (string[] r in decisions.Rows)
        {
            sb.Append("<tr><td>").Append(Html.Escape(decisions.Text(r, "time_utc"))).Append("</td><td>")
                .Append(Html.Escape(decisions.Text(r, "round"))).Append("</td><td>")
                .Append(Html.Escape(decisions.Text(r, "active_units"))).Append("</td><td>")
                .Append(Html.Escape(decisions.Text(r, "active_sites"))).Append("</td><td>")
                .Append(Html.Number(decisions.Number(r, "spectral_gap"))).Append("</td><td class=\"reason\">")
                .Append(Html.Escape(decisions.Text(r, "reason"))).Append("</td></tr>\n");
        }

        return sb.Append("</table></details>\n").ToString();
    }

    private sealed record Decision(string Key, DateTimeOffset Time, string Round, string Reason, Dictionary<string, (int Active, int Units)> BySite)
    {
        public string Describe(double hour, string[] sites)
        {
            int active = BySite.Values.Sum(v => v.Active);
            string where = string.Join(", ", sites.Where(s => BySite.GetValueOrDefault(s).Active > 0)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s} {BySite[s].Active}/{BySite[s].Units}")));
            return string.Create(CultureInfo.InvariantCulture,
                $"{Key} (h {hour:0.#}), round {Round}: {active} units active{(where.Length > 0 ? $" ({where})" : string.Empty)}. Reason: {Reason}");
        }
    }
}
