using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// What each site had to work with, hour by hour (energy.csv): the renewable energy available after its background
/// load, and the carbon intensity of its grid.
/// </summary>
internal static class SupplyCharts
{
    private const int WidthPx = 1100;
    private const int HeightPx = 380;

    public static string Render(SiteHours? hours, string prefix)
    {
        if (hours is null)
        {
            return ChartBox.Missing("Renewable availability and grid intensity", "energy.csv is missing or empty");
        }

        return Lines(hours, $"{prefix}-renewable", "renewable_available_kwh", "renewable available (kWh per hour)",
                "Renewable energy available at each site per hour (after its background load).")
            + Lines(hours, $"{prefix}-intensity", "intensity_g_per_kwh", "grid carbon intensity (g CO2eq/kWh)",
                "Carbon intensity of each site's grid per hour.");
    }

    private static string Lines(SiteHours hours, string id, string column, string yLabel, string caption)
    {
        using var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < hours.Sites.Count; i++)
        {
            (string site, List<string[]> rows) = hours.Sites[i];
            var line = plot.Add.ScatterLine(hours.Hours(rows), hours.Column(rows, column), palette.GetColor(i));
            line.LegendText = site;
            line.LineWidth = 1.5f;
            // Ten distinct colours, then the same colours dashed, then dotted: no two sites look alike up to thirty.
            line.LinePattern = (i / 10) switch { 0 => LinePattern.Solid, 1 => LinePattern.Dashed, _ => LinePattern.Dotted };
        }

        double end = hours.Sites.SelectMany(s => hours.Hours(s.Rows)).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsX(0, Math.Max(end, 1));
        plot.XLabel("simulated time (h)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        return ChartBox.Figure(id, SvgChart.Render(plot, id, WidthPx, HeightPx), Html.Escape(caption));
    }
}
