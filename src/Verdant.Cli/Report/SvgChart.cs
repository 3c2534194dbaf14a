using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// A ScottPlot chart as inline SVG for one HTML page: ids made unique per chart (ScottPlot numbers its clip paths per
/// document, so two charts on a page would otherwise share them), a viewBox so the chart scales with the page, and
/// optional hover rectangles whose SVG &lt;title&gt; the browser shows as a tooltip without any script.
/// </summary>
internal static partial class SvgChart
{
    /// <summary>Renders <paramref name="plot"/> at the given size; <paramref name="hovers"/> are drawn on top, transparent.</summary>
    public static string Render(Plot plot, string id, int widthPx, int heightPx, IReadOnlyList<Hover>? hovers = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set("DejaVu Sans");
        string svg = plot.GetSvgXml(widthPx, heightPx);
        svg = XmlDeclaration().Replace(svg, string.Empty);
        // Renumbered in order of appearance: ScottPlot's numbers run on across renders, which would make two reports of
        // the same folder differ.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Local(string name) => names.TryGetValue(name, out string? local) ? local
            : names[name] = string.Create(CultureInfo.InvariantCulture, $"{id}-d{names.Count}");
        svg = IdAttribute().Replace(svg, m => $"id=\"{Local(m.Groups[1].Value)}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{Local(m.Groups[1].Value)})");
        svg = HrefReference().Replace(svg, m => $"href=\"#{Local(m.Groups[1].Value)}\"");
        // Glyph position lists end in ", ", which browsers reject as an attribute value and log as an error.
        svg = TrailingListSeparator().Replace(svg, "$1\"");
        string open = string.Create(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" class=\"chart\" role=\"img\" viewBox=\"0 0 {widthPx} {heightPx}\" ");
        svg = svg.Replace("<svg ", open, StringComparison.Ordinal);
        if (hovers is { Count: > 0 })
        {
            svg = svg.Replace("</svg>", Overlay(plot, hovers) + "</svg>", StringComparison.Ordinal);
        }

        return svg.Trim();
    }

    private static string Overlay(Plot plot, IReadOnlyList<Hover> hovers)
    {
        var sb = new StringBuilder("<g class=\"hover\">");
        foreach (Hover h in hovers)
        {
            Pixel a = plot.GetPixel(new Coordinates(h.Left, h.Top));
            Pixel b = plot.GetPixel(new Coordinates(h.Right, h.Bottom));
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Math.Min(a.X, b.X):0.##}\" y=\"{Math.Min(a.Y, b.Y):0.##}\" width=\"{Math.Abs(b.X - a.X):0.##}\" height=\"{Math.Abs(b.Y - a.Y):0.##}\"><title>{Html.Escape(h.Text)}</title></rect>");
        }

        return sb.Append("</g>").ToString();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();

    [GeneratedRegex("( [xy]=\"[^\"]*?),\\s*\"")]
    private static partial Regex TrailingListSeparator();

    /// <summary>A rectangle in data coordinates with the text a browser shows when the pointer rests on it.</summary>
    internal sealed record Hover(double Left, double Right, double Bottom, double Top, string Text);
}
