using System.Globalization;
using ScottPlot;
using Verdant.Cli.Compare;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Plots;

/// <summary>
/// The Pareto chart of a comparison: kg CO2eq (y) against hours to the target accuracy (x), one point per policy and
/// seed, one colour and marker per policy. Lower-left is better on both; runs that missed the target have no x and are
/// left out (the legend counts them).
/// </summary>
/// <remarks>Rendered with ScottPlot 5 through SkiaSharp, which loads the native libfontconfig at run time.</remarks>
internal static class ParetoPlot
{
    public const int WidthPx = 1000;
    public const int HeightPx = 700;

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenDiamond,
    ];

    /// <summary>Draws an empty chart, so that a missing native renderer fails before hours of simulation, not after.</summary>
    /// <exception cref="NativeLibraryMissingException">SkiaSharp's native library or fontconfig could not be loaded.</exception>
    public static void Probe() => _ = Render([], "probe", wholeRuns: false);

    /// <summary>The chart as PNG bytes.</summary>
    /// <exception cref="NativeLibraryMissingException">SkiaSharp's native library or fontconfig could not be loaded.</exception>
    public static byte[] Render(IReadOnlyList<CompareRow> rows, string title, bool wholeRuns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            return Draw(rows, title, wholeRuns);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new NativeLibraryMissingException(
                $"cannot draw pareto.png: SkiaSharp's native renderer failed to load (install the Debian package libfontconfig1): {Innermost(ex).Message}", ex);
        }
    }

    private static byte[] Draw(IReadOnlyList<CompareRow> rows, string title, bool wholeRuns)
    {
        using var plot = new Plot();
        Compose(plot, rows, title, wholeRuns);
        return plot.GetImageBytes(WidthPx, HeightPx, ImageFormat.Png);
    }

    /// <summary>Draws the chart onto <paramref name="plot"/> (the PNG above, and the HTML report's SVG).</summary>
    public static void Compose(Plot plot, IReadOnlyList<CompareRow> rows, string title, bool wholeRuns)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(rows);
        var palette = new ScottPlot.Palettes.Category10();
        string[] policies = [.. rows.Select(r => r.Policy).Distinct(StringComparer.Ordinal)];
        for (int p = 0; p < policies.Length; p++)
        {
            CompareRow[] runs = [.. rows.Where(r => r.Policy == policies[p])];
            CompareRow[] reached = [.. runs.Where(r => r.ReachedTarget)];
            Color color = palette.GetColor(p);
            MarkerShape shape = Shapes[p % Shapes.Length];
            if (reached.Length > 0)
            {
                var points = plot.Add.ScatterPoints(reached.Select(r => r.TimeToTargetHours!.Value).ToArray(),
                    reached.Select(r => r.CarbonKg).ToArray(), color);
                points.MarkerShape = shape;
                points.MarkerSize = 12;
            }

            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{policies[p]} ({reached.Length}/{runs.Length} seeds reached)"),
                MarkerShape = shape,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = 12,
            });
        }

        plot.Title(title);
        plot.XLabel("time to target accuracy (h, simulated)");
        plot.YLabel(wholeRuns ? "carbon, whole run (kg CO2eq)" : "carbon to reach the target (kg CO2eq)");
        // The note sits in the legend, away from the lower-left corner where the best runs are.
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "one point per seed; runs that" });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "missed the target: not plotted" });
        plot.ShowLegend(Edge.Right);
        SetLimits(plot, rows);
    }

    // Both axes start at zero (the distance to the origin is the point of a Pareto chart); y a little below, so that
    // zero-carbon runs show whole markers.
    private static void SetLimits(Plot plot, IReadOnlyList<CompareRow> rows)
    {
        CompareRow[] reached = [.. rows.Where(r => r.ReachedTarget)];
        double maxX = reached.Length > 0 ? reached.Max(r => r.TimeToTargetHours!.Value) : 0;
        double maxY = reached.Length > 0 ? reached.Max(r => r.CarbonKg) : 0;
        double top = maxY > 0 ? maxY * 1.1 : 1;
        plot.Axes.SetLimits(0, maxX > 0 ? maxX * 1.1 : 1, -0.03 * top, top);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
