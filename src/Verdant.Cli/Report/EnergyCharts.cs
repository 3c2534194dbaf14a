using System.Globalization;
using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// Energy by source over time, stacked: for each site the kWh served per hour by its renewables, its battery and its
/// grid (energy.csv), on one shared scale; then the network's energy, from its own rows of energy.csv when the run kept
/// a network account, else from rounds.csv's network_kWh per hour (then already inside the sites' bars).
/// </summary>
internal static class EnergyCharts
{
    private const int WidthPx = 420;
    private const int HeightPx = 240;

    public static string Render(RunFolder run, SiteHours? hours, string prefix)
    {
        if (hours is null)
        {
            return ChartBox.Missing("Energy by source", "energy.csv is missing or empty");
        }

        double top = hours.Sites.SelectMany(s => Stack(hours, s.Rows).Grid).DefaultIfEmpty(0).Max();
        var html = new System.Text.StringBuilder(Key).Append("<div class=\"grid\">");
        for (int i = 0; i < hours.Sites.Count; i++)
        {
            (string site, List<string[]> rows) = hours.Sites[i];
            string id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-energy-{i}");
            html.Append(Stacked(id, site, hours.Hours(rows), Stack(hours, rows), top));
        }

        html.Append(NetworkChart(run, hours, $"{prefix}-energy-network"));
        return html.Append("</div>\n").ToString();
    }

    private const string Key = "<p class=\"key\"><span style=\"background:#2ca02c\"></span>renewable <span style=\"background:#9467bd\"></span>battery "
        + "<span style=\"background:#7f7f7f\"></span>grid <span style=\"background:#ff7f0e\"></span>network &mdash; kWh per simulated hour, every site on the same scale.</p>\n";

    private static (double[] Renewable, double[] Battery, double[] Grid) Stack(SiteHours hours, IReadOnlyList<string[]> rows)
    {
        double[] renewable = hours.Column(rows, "renewable_used_kwh");
        double[] battery = hours.Column(rows, "battery_discharge_kwh");
        double[] grid = hours.Column(rows, "grid_kwh");
        for (int k = 0; k < renewable.Length; k++)
        {
            battery[k] += renewable[k];
            grid[k] += battery[k];
        }

        return (renewable, battery, grid);
    }

    private static string Stacked(string id, string title, double[] xs, (double[] Renewable, double[] Battery, double[] Grid) s, double top)
    {
        using var plot = new Plot();
        var zero = new double[xs.Length];
        Layer(plot, xs, zero, s.Renewable, ChartBox.Renewable, "renewable");
        Layer(plot, xs, s.Renewable, s.Battery, ChartBox.Battery, "battery");
        Layer(plot, xs, s.Battery, s.Grid, ChartBox.Grid, "grid");
        plot.Title(title, 13);
        plot.XLabel("simulated time (h)", 11);
        plot.YLabel("kWh per hour", 11);
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.05 : 1);
        plot.HideLegend();
        if (!(s.Grid.Sum() > 0))
        {
            // An idle site's chart says so, rather than being mistaken for a chart that failed to draw.
            var note = plot.Add.Text("no energy used", xs.Length > 0 ? xs[xs.Length / 2] : 0.5, (top > 0 ? top * 1.05 : 1) / 2);
            note.LabelAlignment = Alignment.MiddleCenter;
            note.LabelFontColor = Colors.Gray;
        }

        double total = s.Grid.Sum(), green = s.Battery.Sum();
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"{Html.Escape(title)}: {Html.Number(total)} kWh, {(total > 0 ? (100 * green / total).ToString("0.#", CultureInfo.InvariantCulture) : "&ndash;")} % from renewables and battery.");
        return ChartBox.Figure(id, SvgChart.Render(plot, id, WidthPx, HeightPx), caption);
    }

    private static void Layer(Plot plot, double[] xs, double[] lower, double[] upper, Color color, string label)
    {
        if (xs.Length == 0)
        {
            return;
        }

        // Each value is an hour's total: drawn flat across its hour, so a run of one hour still shows.
        var fill = plot.Add.FillY(Steps(xs, 1), Steps(upper, 0), Steps(lower, 0));
        fill.FillColor = color.WithAlpha(0.85);
        fill.LineWidth = 0;
        fill.LegendText = label;
    }

    private static double[] Steps(double[] values, double shift)
    {
        var steps = new double[2 * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            steps[2 * i] = values[i];
            steps[(2 * i) + 1] = values[i] + shift;
        }

        return steps;
    }

    private static string NetworkChart(RunFolder run, SiteHours hours, string id)
    {
        if (hours.Network is { Count: > 0 } rows)
        {
            var stack = Stack(hours, rows);
            return Stacked(id, "network (its own account)", hours.Hours(rows), stack, stack.Grid.DefaultIfEmpty(0).Max());
        }

        CsvData? rounds = run.Rounds;
        if (rounds is null || !rounds.Has("network_kwh") || rounds.Count == 0)
        {
            return ChartBox.Missing("Network energy", "no network rows in energy.csv and no network_kwh in rounds.csv");
        }

        var byHour = new SortedDictionary<int, double>();
        foreach (string[] r in rounds.Rows)
        {
            if (rounds.Time(r, "start_utc") is { } t)
            {
                int h = (int)Math.Floor((t - hours.Origin).TotalHours);
                byHour[h] = byHour.GetValueOrDefault(h) + (rounds.Number(r, "network_kwh") is var x && double.IsFinite(x) ? x : 0);
            }
        }

        double[] xs = [.. byHour.Keys.Select(k => (double)k)];
        double[] ys = [.. byHour.Values];
        using var plot = new Plot();
        Layer(plot, xs, new double[xs.Length], ys, ChartBox.Network, "network");
        plot.Title("network (charged at the sites in this run)", 13);
        plot.XLabel("simulated time (h)", 11);
        plot.YLabel("kWh per hour", 11);
        plot.Axes.SetLimitsY(0, ys.DefaultIfEmpty(0).Max() is > 0 and var m ? m * 1.05 : 1);
        plot.HideLegend();
        string caption = $"Network: {Html.Number(ys.Sum())} kWh over the rounds (by round start hour); this run's ledger charged it to the sites' meters, so it is also inside their bars.";
        return ChartBox.Figure(id, SvgChart.Render(plot, id, WidthPx, HeightPx), caption);
    }
}
