using System.Text.Json;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Output;

/// <summary>
/// sites.json: where each site is and what it has (for the report's map), and the communication graph folded to site
/// pairs: in how many of the run's decisions two sites were linked, and by how many unit links on average when they were.
/// </summary>
internal static class SitesJson
{
    public static void Write(TextWriter writer, SimulationResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("sites");
            foreach (Site site in result.Sites)
            {
                WriteSite(json, site);
            }

            json.WriteEndArray();
            json.WriteNumber("decisions", result.Decisions.Count);
            json.WriteStartArray("links");
            foreach (var link in Links(result))
            {
                json.WriteStartObject();
                json.WriteString("a", result.SiteNames[link.Key.A]);
                json.WriteString("b", result.SiteNames[link.Key.B]);
                json.WriteNumber("decisions", link.Value.Decisions);
                json.WriteNumber("mean_edges", (double)link.Value.Edges / link.Value.Decisions);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void WriteSite(Utf8JsonWriter json, Site site)
    {
        json.WriteStartObject();
        json.WriteString("name", site.Name);
        json.WriteNumber("lat", site.Location.LatitudeDeg);
        json.WriteNumber("lon", site.Location.LongitudeDeg);
        json.WriteNumber("units", site.Units);
        json.WriteString("hardware", site.Hardware.Name);
        json.WriteNumber("pue", site.Pue);
        json.WriteNumber("solar_kwp", site.Energy.SolarKwp);
        json.WriteNumber("wind_kw", site.Energy.WindKw);
        if (site.Energy.Battery is { } battery)
        {
            json.WriteNumber("battery_kwh", battery.CapacityKwh);
        }
        else
        {
            json.WriteNull("battery_kwh");
        }

        json.WriteString("grid_country", site.Energy.GridCountry);
        json.WriteEndObject();
    }

    private static SortedDictionary<(int A, int B), (int Decisions, long Edges)> Links(SimulationResult result)
    {
        var links = new SortedDictionary<(int A, int B), (int Decisions, long Edges)>();
        foreach (SiteLink link in result.Decisions.SelectMany(d => d.SiteLinks))
        {
            var key = (link.SiteA, link.SiteB);
            (int decisions, long edges) = links.GetValueOrDefault(key);
            links[key] = (decisions + 1, edges + link.Edges);
        }

        return links;
    }
}
