using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// The sites on a latitude-longitude chart (equirectangular), coloured by the share of their energy that renewables
/// and batteries served, with the communication graph folded to site pairs drawn between them: a line is darker and
/// wider the more of the run's decisions linked the two sites (sites.json, energy.csv).
/// </summary>
internal static class MapChart
{
    private const int WidthPx = 1100;
    private const int HeightPx = 520;

    public static string Render(RunFolder run, SiteHours? hours, string prefix)
    {
        if (run.Sites is not { } json || !json.TryGetProperty("sites", out JsonElement sitesJson))
        {
            return ChartBox.Missing("Map of sites", "sites.json is missing (written by Verdant since the report was added)");
        }

        var sites = sitesJson.EnumerateArray().Select(s => new MapSite(s.GetProperty("name").GetString() ?? "?",
            s.GetProperty("lat").GetDouble(), s.GetProperty("lon").GetDouble(), s)).ToList();
        using var plot = new Plot();
        DrawLinks(plot, json, sites.ToDictionary(s => s.Name, s => (s.Lat, s.Lon), StringComparer.Ordinal));
        var colormap = new ScottPlot.Colormaps.Viridis();
        List<SvgChart.Hover> hovers = DrawSites(plot, sites, Shares(hours), colormap);
        AddKey(plot, colormap);
        plot.Axes.SetLimits(-180, 180, Math.Min(-60, sites.Min(s => s.Lat) - 5), Math.Max(80, sites.Max(s => s.Lat) + 5));
        plot.XLabel("longitude (degrees east)");
        plot.YLabel("latitude (degrees north)");
        string id = $"{prefix}-map";
        return ChartBox.Figure(id, SvgChart.Render(plot, id, WidthPx, HeightPx, hovers),
            "Sites coloured by the share of their energy served by renewables and batteries; lines: the communication graph between sites, darker and wider the more decisions used the link. Rest the pointer on a site for its details.");
    }

    // Battery energy counts as renewable: batteries charge only from on-site surplus.
    private static Dictionary<string, double> Shares(SiteHours? hours)
    {
        var share = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string site, List<string[]> rows) in hours?.Sites ?? [])
        {
            double demand = hours!.Sum(rows, "demand_kwh");
            share[site] = demand > 0 ? (hours.Sum(rows, "renewable_used_kwh") + hours.Sum(rows, "battery_discharge_kwh")) / demand : double.NaN;
        }

        return share;
    }

    private static List<SvgChart.Hover> DrawSites(Plot plot, List<MapSite> sites, Dictionary<string, double> share, ScottPlot.Colormaps.Viridis colormap)
    {
        var hovers = new List<SvgChart.Hover>();
        foreach (MapSite s in sites)
        {
            double f = share.GetValueOrDefault(s.Name, double.NaN);
            plot.Add.Marker(s.Lon, s.Lat, MarkerShape.FilledCircle, 16, double.IsNaN(f) ? Colors.LightGray : colormap.GetColor(f));
            var label = plot.Add.Text(s.Name, s.Lon, s.Lat);
            label.LabelFontSize = 12;
            label.OffsetY = -10;
            label.LabelAlignment = Alignment.LowerCenter;
            hovers.Add(new SvgChart.Hover(s.Lon - 3, s.Lon + 3, s.Lat - 3, s.Lat + 3, Describe(s.Json, f)));
        }

        return hovers;
    }

    private static void AddKey(Plot plot, ScottPlot.Colormaps.Viridis colormap)
    {
        foreach (double f in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            Color c = colormap.GetColor(f);
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{f * 100:0} % renewable or battery"),
                MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = c, MarkerLineColor = c, MarkerSize = 12,
            });
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "no energy used", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Colors.LightGray,
            MarkerLineColor = Colors.LightGray, MarkerSize = 12,
        });
        plot.ShowLegend(Edge.Right);
    }

    private static void DrawLinks(Plot plot, JsonElement json, Dictionary<string, (double Lat, double Lon)> at)
    {
        if (!json.TryGetProperty("links", out JsonElement links) || links.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        double decisions = json.TryGetProperty("decisions", out JsonElement d) && d.TryGetDouble(out double n) && n > 0 ? n : 1;
        foreach (JsonElement link in links.EnumerateArray())
        {
            string a = link.GetProperty("a").GetString() ?? string.Empty, b = link.GetProperty("b").GetString() ?? string.Empty;
            if (a == b || !at.TryGetValue(a, out var pa) || !at.TryGetValue(b, out var pb))
            {
                continue;
            }

            double used = Math.Clamp(link.GetProperty("decisions").GetDouble() / decisions, 0, 1);
            var line = plot.Add.Line(pa.Lon, pa.Lat, pb.Lon, pb.Lat);
            line.LineColor = Colors.SteelBlue.WithAlpha(0.3 + (0.7 * used));
            line.LineWidth = (float)(0.8 + (4 * used));
            line.MarkerSize = 0;
        }
    }

    private static string Describe(JsonElement site, double share)
    {
        string Field(string name) => site.TryGetProperty(name, out JsonElement v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) ?? string.Empty : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Field("name")}: {Field("units")} x {Field("hardware")}, PUE {Field("pue")}, solar {Field("solar_kwp")} kWp, wind {Field("wind_kw")} kW, {(Field("battery_kwh") is "null" or "" ? "no battery" : $"battery {Field("battery_kwh")} kWh")}, grid {Field("grid_country")}; renewable or battery share {(double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %")}");
    }

    private sealed record MapSite(string Name, double Lat, double Lon, JsonElement Json);
}
