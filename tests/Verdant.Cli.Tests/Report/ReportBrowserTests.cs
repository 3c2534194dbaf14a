using System.Text.Json.Nodes;
using Verdant.Cli.Commands;
using Verdant.Cli.Report;
using Verdant.Cli.Tests.Commands;
using Verdant.Cli.Tests.Compare;

namespace Verdant.Cli.Tests.Report;

/// <summary>
/// Opens report.html from disk in headless Chromium: no console error, no request for anything but the file itself,
/// every chart drawn; a screenshot of each report is kept under the test output folder (artifacts/).
/// </summary>
[Trait("Category", "Browser")]
public class ReportBrowserTests
{
    // Per chart: its id, its rendered width, and how many shapes it draws inside its plot area (ScottPlot clips data
    // to the plot area, while axes, ticks and grid lines are drawn outside the clipped groups).
    private const string ChartsScript = """
        JSON.stringify([...document.querySelectorAll('figure[data-chart]')].map(f => {
          const svg = f.querySelector('svg');
          return { id: f.dataset.chart, svg: !!svg, width: svg ? svg.getBoundingClientRect().width : 0,
            drawn: svg ? svg.querySelectorAll('g[clip-path] path, g[clip-path] ellipse, g[clip-path] rect, g[clip-path] polygon, g[clip-path] line, g[clip-path] text').length : 0,
            hovers: svg ? svg.querySelectorAll('g.hover title').length : 0 };
        }))
        """;

    private const string DuplicateIdsScript = """
        JSON.stringify(Object.entries([...document.querySelectorAll('[id]')].reduce((m, e) => (m[e.id] = (m[e.id] || 0) + 1, m), {})).filter(([, n]) => n > 1))
        """;

    [Fact]
    public async Task RunReport_InChromium_NoErrorNoRequestEveryChartDrawn()
    {
        using var run = new ReportRunSetup();
        string[] sites = ["paris", "warsaw", "madrid"];
        string[] expected = ["acc-time", "acc-kwh", "acc-co2", .. sites.Select((_, i) => $"energy-{i}"), "energy-network", "activity",
            "renewable", "intensity", "map"];
        int decisions = File.ReadAllLines(Path.Combine(run.Output, "decisions.csv")).Length - 1;

        JsonArray charts = await OpenAndCheckAsync(Path.Combine(run.Output, HtmlReport.FileName), "run-report.png");

        Assert.Equal(expected.Select(e => $"report-{e}"), charts.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(decisions, Chart(charts, "report-activity")["hovers"]!.GetValue<int>());
        Assert.Equal(sites.Length, Chart(charts, "report-map")["hovers"]!.GetValue<int>());
    }

    [Fact]
    public async Task CompareReport_InChromium_ParetoAndEachPolicysRunDrawn()
    {
        using var setup = new TinyCompareSetup();
        string output = setup.Out("compare");
        (int code, _, string err) = ProgramTests.Invoke("compare", setup.ScenarioPath, "--policies", "all,greenest-k", "--seeds", "2",
            "--data-dir", setup.DataDirectory, "--out", output);
        Assert.True(code == ExitCodes.Ok, err);

        JsonArray charts = await OpenAndCheckAsync(Path.Combine(output, HtmlReport.FileName), "compare-report.png");

        string[] ids = [.. charts.Select(c => c!["id"]!.GetValue<string>())];
        Assert.Equal("report-pareto", ids[0]);
        Assert.Contains("report-all-seed5-map", ids);
        Assert.Contains("report-greenest-k-seed5-activity", ids);
        Assert.DoesNotContain("report-all-seed6-map", ids);
        Assert.Contains("<a href=\"runs/all-seed6/report.html\">own report</a>", File.ReadAllText(Path.Combine(output, HtmlReport.FileName)),
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "runs", "all-seed6", HtmlReport.FileName)));
    }

    private static JsonNode Chart(JsonArray charts, string id) => charts.Single(c => c!["id"]!.GetValue<string>() == id)!;

    private static async Task<JsonArray> OpenAndCheckAsync(string report, string screenshot)
    {
        string binary = HeadlessChromium.Find()
            ?? throw new InvalidOperationException("chromium is not installed: `./verdant test` installs it (apt-get install chromium)");
        string url = new Uri(Path.GetFullPath(report)).AbsoluteUri;
        await using HeadlessChromium browser = await HeadlessChromium.StartAsync(binary);

        await browser.OpenAsync(url, 1280, 900);
        var charts = (JsonArray)JsonNode.Parse((await browser.EvaluateAsync(ChartsScript))!.GetValue<string>())!;
        string duplicates = (await browser.EvaluateAsync(DuplicateIdsScript))!.GetValue<string>();
        byte[] png = await browser.ScreenshotAsync();
        string artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, screenshot), png);

        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Blocked);
        Assert.Equal([url], browser.Requests);
        Assert.Equal("[]", duplicates);
        Assert.NotEmpty(charts);
        Assert.All(charts, c =>
        {
            Assert.True(c!["svg"]!.GetValue<bool>(), $"{c["id"]}: no svg");
            Assert.True(c["width"]!.GetValue<double>() > 100, $"{c["id"]}: {c["width"]} px wide");
            Assert.True(c["drawn"]!.GetValue<int>() > 0, $"{c["id"]}: nothing drawn in the plot area");
        });
        Assert.True(png.Length > 10_000, $"screenshot of {png.Length} bytes");
        return charts;
    }
}
