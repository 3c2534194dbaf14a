using System.Text;

namespace Verdant.Cli.Report;

/// <summary>
/// A suite's part of a report (suite.csv): its table with one row per scenario, each row linking to that scenario's
/// section below when the suite folder holds the scenario's own output (a sub-folder named in the row's <c>dir</c>,
/// <c>folder</c>, <c>path</c> or <c>output</c> column, or named like the scenario).
/// </summary>
internal static class SuiteSection
{
    private static readonly string[] FolderColumns = ["dir", "folder", "path", "output", "out"];

    public static string Render(string directory, CsvData suite, string[] header)
    {
        string key = header.Contains("scenario") ? "scenario" : header.FirstOrDefault() ?? "scenario";
        var sections = new StringBuilder();
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string[] row in suite.Rows)
        {
            string name = suite.Text(row, key);
            if (name.Length == 0 || anchors.ContainsKey(name) || FolderOf(directory, suite, row, name) is not { } folder)
            {
                continue;
            }

            string anchor = $"scenario-{Html.Anchor(name)}";
            string? section = HtmlReport.Section(folder, anchor, 2);
            if (section is not null)
            {
                anchors[name] = anchor;
                sections.Append(section);
            }
        }

        var sb = new StringBuilder("<section id=\"suite\"><h2>Suite</h2>\n<table class=\"compare\"><tr>");
        foreach (string column in header)
        {
            sb.Append("<th>").Append(Html.Escape(column)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (string[] row in suite.Rows)
        {
            sb.Append("<tr>");
            foreach (string column in header)
            {
                string text = Html.Escape(suite.Text(row, column));
                sb.Append("<td>").Append(column == key && anchors.TryGetValue(suite.Text(row, key), out string? a) ? $"<a href=\"#{a}\">{text}</a>" : text).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table></section>\n").Append(sections).ToString();
    }

    private static string? FolderOf(string directory, CsvData suite, string[] row, string name)
    {
        foreach (string candidate in FolderColumns.Select(c => suite.Text(row, c)).Where(t => t.Length > 0).Append(name))
        {
            string path = Path.IsPathRooted(candidate) ? candidate : Path.Combine(directory, candidate);
            if (System.IO.Directory.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
