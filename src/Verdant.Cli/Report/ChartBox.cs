using System.Globalization;

namespace Verdant.Cli.Report;

/// <summary>The HTML around a chart: a figure with the inline SVG and a caption, or a note saying why a chart is missing.</summary>
internal static class ChartBox
{
    public static string Figure(string id, string svg, string caption)
        => string.Create(CultureInfo.InvariantCulture,
            $"<figure class=\"chart-box\" data-chart=\"{id}\">{svg}<figcaption>{caption}</figcaption></figure>\n");

    public static string Missing(string what, string why)
        => $"<p class=\"missing\">{Html.Escape(what)}: {Html.Escape(why)}</p>\n";

    /// <summary>Colours shared by every chart: renewable green, battery purple, grid grey, network orange.</summary>
    public static readonly ScottPlot.Color Renewable = ScottPlot.Color.FromHex("#2ca02c");

    public static readonly ScottPlot.Color Battery = ScottPlot.Color.FromHex("#9467bd");

    public static readonly ScottPlot.Color Grid = ScottPlot.Color.FromHex("#7f7f7f");

    public static readonly ScottPlot.Color Network = ScottPlot.Color.FromHex("#ff7f0e");
}
