using System.Text;
using System.Text.Json;

namespace Verdant.Cli.Report;

/// <summary>One run's part of a report: its summary table and every chart, under an anchor other sections link to.</summary>
internal static class RunSection
{
    public static string Render(RunFolder run, string anchor, int headingLevel)
    {
        SiteHours? hours = SiteHours.From(run.Energy);
        string h = $"h{headingLevel}", sub = $"h{headingLevel + 1}";
        var sb = new StringBuilder();
        sb.Append($"<section id=\"{anchor}\" class=\"run\"><{h}>{Html.Escape(run.Title)}</{h}>\n");
        sb.Append($"<{sub}>Summary</{sub}>\n").Append(SummaryTable(run));
        sb.Append($"<{sub}>Accuracy against time, energy and carbon</{sub}>\n").Append(AccuracyCharts.Render(run, anchor));
        sb.Append($"<{sub}>Energy by source</{sub}>\n").Append(EnergyCharts.Render(run, hours, anchor));
        sb.Append($"<{sub}>Active units and the policy's decisions</{sub}>\n")
            .Append(ActivityChart.Render(run, hours?.Origin, anchor));
        sb.Append($"<{sub}>Renewable availability and grid carbon intensity</{sub}>\n").Append(SupplyCharts.Render(hours, anchor));
        sb.Append($"<{sub}>Sites and communication graph</{sub}>\n").Append(MapChart.Render(run, hours, anchor));
        return sb.Append("</section>\n").ToString();
    }

    /// <summary>Every field of summary.json, nested objects flattened to dotted names, so new fields show without code here.</summary>
    private static string SummaryTable(RunFolder run)
    {
        if (run.Summary is not { } summary)
        {
            return ChartBox.Missing("Summary", "summary.json is missing");
        }

        // Two fields a row keeps the table short enough to see the charts below it.
        var sb = new StringBuilder("<table class=\"summary\">\n");
        foreach (var pair in Flatten(summary, string.Empty).Chunk(2))
        {
            sb.Append("<tr>");
            foreach ((string name, string value) in pair)
            {
                sb.Append("<th>").Append(Html.Escape(name)).Append("</th><td>").Append(value).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table>\n").ToString();
    }

    // carbon_intensity.sites lists every site's label; when they all share one, carbon_intensity.kind already says it.
    private static bool Repeats(JsonElement parent, JsonProperty p)
        => p.Name == "sites" && parent.TryGetProperty("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String
            && p.Value.EnumerateObject().All(s => s.Value.ValueKind == JsonValueKind.String && s.Value.GetString() == kind.GetString());

    private static IEnumerable<(string Name, string Value)> Flatten(JsonElement e, string prefix)
    {
        foreach (JsonProperty p in e.EnumerateObject())
        {
            string name = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.Object && Repeats(e, p))
            {
                continue;
            }

            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var item in Flatten(p.Value, name))
                {
                    yield return item;
                }
            }
            else
            {
                yield return (name, p.Value.ValueKind switch
                {
                    JsonValueKind.Number => Html.Number(p.Value.GetDouble()),
                    JsonValueKind.String => Html.Escape(p.Value.GetString() ?? string.Empty),
                    JsonValueKind.Null => "&ndash;",
                    _ => Html.Escape(p.Value.GetRawText()),
                });
            }
        }
    }
}
