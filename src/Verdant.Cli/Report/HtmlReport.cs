using System.Text;
using Verdant.Cli.Output;

namespace Verdant.Cli.Report;

/// <summary>
/// report.html for any Verdant output folder (a run, a comparison or a suite), made only from the files in it: one
/// self-contained page whose charts are inline SVG and whose styles are inline, with a content security policy that
/// forbids every fetch, so it opens offline and can never reach the network.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The report's file name inside the folder.</summary>
    public const string FileName = "report.html";

    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em auto;max-width:1180px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{border-bottom:2px solid #2ca02c;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.6em}
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left}
        table.summary th{background:#f3f7f3;font-weight:normal}table.compare th{background:#f3f7f3}
        td.reason{max-width:700px}svg.chart{max-width:100%;height:auto;display:block}
        figure{margin:.5em 0}figcaption{font-size:.85em;color:#555;max-width:1100px}
        .row{display:flex;flex-wrap:wrap;gap:.5em}.row figure{flex:1 1 360px}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:.5em}
        .missing{color:#a33;font-style:italic}.note{font-size:.85em;color:#555}
        g.hover rect{fill:#000;fill-opacity:0}g.hover rect:hover{fill-opacity:.12}
        .key span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .8em;vertical-align:middle}
        """;

    /// <summary>Writes <c>report.html</c> into <paramref name="directory"/> and returns its path.</summary>
    /// <exception cref="ReportException">The folder does not exist, holds no Verdant output, or a file in it cannot be read.</exception>
    public static string Write(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ReportException($"{directory}: no such folder");
        }

        string body;
        try
        {
            WriteRunReports(directory);
            body = Section(directory, "report", 2)
                ?? throw new ReportException($"{directory}: no summary.json, rounds.csv, compare.csv or suite.csv here: not a Verdant output folder");
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // sites.json or summary.json edited by hand, or written by a tool that is not Verdant.
            throw new ReportException($"{directory}: a file is not as Verdant writes it ({ex.Message})", ex);
        }

        string path = Path.Combine(directory, FileName);
        AtomicFile.Replace(path, temporary => File.WriteAllText(temporary, Page(directory, body), new UTF8Encoding(false)));
        return path;
    }

    /// <summary>The section for one folder (suite, comparison or run), or null when it holds none of their files.</summary>
    internal static string? Section(string directory, string anchor, int headingLevel)
    {
        if (CsvData.TryRead(Path.Combine(directory, "suite.csv")) is { } suite && headingLevel == 2)
        {
            return SuiteSection.Render(directory, suite);
        }

        if (CsvData.TryRead(Path.Combine(directory, "compare.csv")) is { } compare)
        {
            return CompareSection.Render(directory, compare, anchor, headingLevel);
        }

        return RunFolder.IsRun(directory) ? RunSection.Render(RunFolder.Read(directory), anchor, headingLevel) : null;
    }

    // A comparison's page embeds one run per policy and links to every run's own report, written here first.
    private static void WriteRunReports(string directory)
    {
        string runs = Path.Combine(directory, "runs");
        if (!File.Exists(Path.Combine(directory, "compare.csv")) || !Directory.Exists(runs))
        {
            return;
        }

        foreach (string run in Directory.GetDirectories(runs).Where(RunFolder.IsRun).Order(StringComparer.Ordinal))
        {
            Write(run);
        }
    }

    private static string Page(string directory, string body)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Verdant report: {Html.Escape(name)}</title>
            <style>{Style}</style></head>
            <body><h1>Verdant report: {Html.Escape(name)}</h1>
            <p class="note">Made by <code>verdant report</code> from the files in this folder; charts drawn with ScottPlot. Times are simulated hours since the run's start.</p>
            {body}</body></html>

            """;
    }
}
