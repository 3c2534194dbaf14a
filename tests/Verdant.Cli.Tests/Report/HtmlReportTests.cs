using System.Globalization;
using System.Text.Json;
using Verdant.Cli.Commands;
using Verdant.Cli.Report;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Report;

public sealed class HtmlReportTests : IDisposable
{
    private readonly ReportRunSetup _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Run_WritesReportWithEverySection()
    {
        string html = File.ReadAllText(Path.Combine(_run.Output, HtmlReport.FileName));

        foreach (string heading in new[] { "Summary", "Accuracy against time, energy and carbon", "Energy by source",
            "Active units and the policy's decisions", "Renewable availability and grid carbon intensity", "Sites and communication graph" })
        {
            Assert.Contains($">{heading}</h3>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("class=\"missing\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>warsaw: 1 x gpu-v100, PUE", html, StringComparison.Ordinal);
        Assert.Contains("wind 0 kW, no battery, grid PL;", html, StringComparison.Ordinal);
        Assert.Contains("wind 0 kW, battery 5 kWh, grid ES;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Twice_SameBytes()
    {
        byte[] first = File.ReadAllBytes(HtmlReport.Write(_run.Output));
        byte[] second = File.ReadAllBytes(HtmlReport.Write(_run.Output));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Activity_OneRowPerDecisionAndSite_SumsToDecisionsActiveUnits()
    {
        string[] decisions = File.ReadAllLines(Path.Combine(_run.Output, "decisions.csv"))[1..];
        string[] activity = File.ReadAllLines(Path.Combine(_run.Output, "activity.csv"));

        Assert.Equal("time_utc,round,site,units,active_units", activity[0]);
        Assert.Equal(decisions.Length * 3, activity.Length - 1);
        int[] perDecision = [.. activity[1..].Chunk(3).Select(c => c.Sum(l => int.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)))];
        Assert.Equal(decisions.Select(d => int.Parse(d.Split(',')[2], CultureInfo.InvariantCulture)), perDecision);
    }

    [Fact]
    public void SitesJson_PlacesAndLinksBySiteName()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Output, "sites.json")));
        JsonElement root = doc.RootElement;
        int decisions = File.ReadAllLines(Path.Combine(_run.Output, "decisions.csv")).Length - 1;

        Assert.Equal(["paris", "warsaw", "madrid"], root.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(40.4, root.GetProperty("sites")[2].GetProperty("lat").GetDouble());
        Assert.Equal(5, root.GetProperty("sites")[2].GetProperty("battery_kwh").GetDouble());
        Assert.Equal(decisions, root.GetProperty("decisions").GetInt32());
        Assert.All(root.GetProperty("links").EnumerateArray(), l =>
        {
            Assert.Contains(l.GetProperty("a").GetString(), new[] { "paris", "warsaw", "madrid" });
            Assert.InRange(l.GetProperty("decisions").GetInt32(), 1, decisions);
        });
    }

    [Fact]
    public void Report_FolderOfAnOlderVersion_SaysWhatIsMissing()
    {
        string old = _run.Copy("old");
        File.Delete(Path.Combine(old, "activity.csv"));
        File.Delete(Path.Combine(old, "sites.json"));
        File.Delete(Path.Combine(old, "energy.csv"));

        (int code, _, string err) = ProgramTests.Invoke("report", old);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, err);
        string html = File.ReadAllText(Path.Combine(old, HtmlReport.FileName));
        Assert.Contains("Active units by site: activity.csv is missing", html, StringComparison.Ordinal);
        Assert.Contains("Map of sites: sites.json is missing", html, StringComparison.Ordinal);
        Assert.Contains("Energy by source: energy.csv is missing or empty", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"report-acc-co2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ValidationAccuracyAndNetworkAccount_Drawn()
    {
        string folder = _run.Copy("acct");
        string rounds = Path.Combine(folder, "rounds.csv");
        string[] lines = File.ReadAllLines(rounds);
        File.WriteAllLines(rounds, [lines[0] + ",validation_accuracy", .. lines[1..].Select(l => l + ",0.5")]);
        string energy = Path.Combine(folder, "energy.csv");
        File.AppendAllText(energy, "network,2026-06-01T06:00:00Z,0.2,0,0,0.2,0,0,0,300,0.06\n");

        HtmlReport.Write(folder);

        string html = File.ReadAllText(Path.Combine(folder, HtmlReport.FileName));
        Assert.DoesNotContain("no validation accuracy", html, StringComparison.Ordinal);
        Assert.Contains("validation", html, StringComparison.Ordinal);
        Assert.Contains("network (its own account)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("charged at the sites", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Suite_RowPerScenarioLinksToItsSection()
    {
        string suite = _run.Data.Out("suite");
        Directory.CreateDirectory(Path.Combine(suite, "runs", "one"));
        Directory.Move(_run.Copy("copy"), Path.Combine(suite, "runs", "one", "greenest-k-seed3"));
        File.WriteAllText(Path.Combine(suite, "suite.csv"), "scenario," + Verdant.Cli.Output.CompareFiles.Header + "\n"
            + "one,greenest-k,3,true,1.5,0.9,10,2,0.5,100,50,5,10,target accuracy reached\n"
            + "one,all,3,true,1,0.9,20,8,2,100,50,5,10,target accuracy reached\n"
            + "two words,all,3,false,,0.7,20,8,2,100,50,5,10,12 rounds done\n");

        HtmlReport.Write(suite);

        string html = File.ReadAllText(Path.Combine(suite, HtmlReport.FileName));
        Assert.Contains("<tr><td><a href=\"#scenario-one\">one</a></td><td>2</td><td>2</td><td>greenest-k (0.5 kg)</td><td>all (1 h)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><a href=\"#scenario-two-words\">two words</a></td><td>1</td><td>0</td><td>all (2 kg)</td><td>&ndash;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"scenario-two-words\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"scenario-one-pareto\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"runs/one/greenest-k-seed3/report.html\">own report</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SitesJsonWithoutNames_ExitsTwoNamingTheFolder()
    {
        string folder = _run.Copy("bad");
        File.WriteAllText(Path.Combine(folder, "sites.json"), "{\"sites\": [{\"lat\": 1, \"lon\": 2}]}");

        (int code, _, string err) = ProgramTests.Invoke("report", folder);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"verdant: {folder}: a file is not as Verdant writes it (", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NoSuchFolder_ExitsTwo()
    {
        string missing = _run.Data.Out("nowhere");

        (int code, _, string err) = ProgramTests.Invoke("report", missing);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: {missing}: no such folder\n", err);
    }

    [Fact]
    public void Report_FolderWithoutOutputs_ExitsTwoAndWritesNothing()
    {
        string empty = _run.Data.Out("empty");
        Directory.CreateDirectory(empty);

        (int code, _, string err) = ProgramTests.Invoke("report", empty);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: {empty}: no summary.json, rounds.csv, compare.csv or suite.csv here: not a Verdant output folder\n", err);
        Assert.Empty(Directory.GetFiles(empty));
    }
}
