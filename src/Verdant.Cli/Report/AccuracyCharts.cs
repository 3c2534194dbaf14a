using ScottPlot;

namespace Verdant.Cli.Report;

/// <summary>
/// Accuracy of the reported model against simulated time, cumulative energy (kWh) and cumulative carbon (kg CO2eq),
/// read from rounds.csv: the test accuracy at every evaluation, and the validation accuracy when the run recorded it.
/// </summary>
/// <remarks>
/// Energy and carbon are summed over rounds (compute, idle and network kWh; grid carbon), so hours with no active unit,
/// which have no round, are not in the curve; summary.json holds the whole run's totals.
/// </remarks>
internal static class AccuracyCharts
{
    private const int WidthPx = 560;
    private const int HeightPx = 360;

    public static string Render(RunFolder run, string prefix)
    {
        CsvData? rounds = run.Rounds;
        if (rounds is null || rounds.Count == 0)
        {
            return ChartBox.Missing("Accuracy", "rounds.csv is missing or empty");
        }

        (double[] hours, double[] kwh, double[] kg) = Cumulative(rounds);
        double[] test = rounds.Numbers("test_accuracy");
        double[]? validation = rounds.Has("validation_accuracy") ? rounds.Numbers("validation_accuracy") : null;
        double? target = run.SummaryNumber("target_accuracy");
        return "<div class=\"row\">"
            + One($"{prefix}-acc-time", hours, test, validation, target, "simulated time (h)")
            + One($"{prefix}-acc-kwh", kwh, test, validation, target, "cumulative energy (kWh)")
            + One($"{prefix}-acc-co2", kg, test, validation, target, "cumulative carbon (kg CO2eq)")
            + "</div>\n";
    }

    /// <summary>Per round: simulated hours at its end, and energy (kWh) and carbon (kg) summed up to it.</summary>
    private static (double[] Hours, double[] Kwh, double[] Kg) Cumulative(CsvData rounds)
    {
        int n = rounds.Count;
        var hours = new double[n];
        var kwh = new double[n];
        var kg = new double[n];
        double energy = 0, carbon = 0;
        for (int i = 0; i < n; i++)
        {
            string[] r = rounds.Rows[i];
            energy += Zero(rounds.Number(r, "compute_kwh")) + Zero(rounds.Number(r, "idle_kwh")) + Zero(rounds.Number(r, "network_kwh"));
            carbon += Zero(rounds.Number(r, "carbon_g")) / 1000;
            // Accuracy is measured when the round ends.
            hours[i] = rounds.Number(r, "sim_hours") + (Zero(rounds.Number(r, "duration_s")) / 3600);
            kwh[i] = energy;
            kg[i] = carbon;
        }

        return (hours, kwh, kg);
    }

    private static string One(string id, double[] xs, double[] test, double[]? validation, double? target, string xLabel)
    {
        using var plot = new Plot();
        Add(plot, xs, test, "test", Colors.C0);
        if (validation is not null)
        {
            Add(plot, xs, validation, "validation", Colors.C1);
        }

        if (target is { } t)
        {
            var line = plot.Add.HorizontalLine(t, 1, Colors.Gray, LinePattern.Dashed);
            line.LegendText = "target";
        }

        plot.XLabel(xLabel);
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        string caption = validation is null ? $"Test accuracy against {xLabel} (no validation accuracy in rounds.csv)." : $"Accuracy against {xLabel}.";
        return ChartBox.Figure(id, SvgChart.Render(plot, id, WidthPx, HeightPx), Html.Escape(caption));
    }

    private static void Add(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        double[] x = [.. xs.Where((_, i) => double.IsFinite(ys[i]) && double.IsFinite(xs[i]))];
        double[] y = [.. ys.Where((v, i) => double.IsFinite(v) && double.IsFinite(xs[i]))];
        if (x.Length == 0)
        {
            return;
        }

        var scatter = plot.Add.Scatter(x, y, color);
        scatter.LegendText = label;
        scatter.MarkerSize = 3;
    }

    private static double Zero(double x) => double.IsFinite(x) ? x : 0;
}
