using System.Globalization;
using System.Text;

namespace Verdant.Cli.Report;

/// <summary>
/// A CSV file as the report reads it: a header and rows of cells, columns looked up by name. Written for Verdant's own
/// output files (quoted cells may hold commas and doubled quotes, not line breaks); a missing column reads as absent.
/// </summary>
internal sealed class CsvData
{
    private readonly Dictionary<string, int> _columns;

    private CsvData(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, i) => (name, i)).GroupBy(c => c.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int Count => Rows.Count;

    /// <summary>The file at <paramref name="path"/>, or null when there is none.</summary>
    public static CsvData? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            return new CsvData([], []);
        }

        return new CsvData(Split(lines[0]), [.. lines.Skip(1).Where(l => l.Length > 0).Select(Split)]);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The cell as text; empty when the column is absent.</summary>
    public string Text(string[] row, string column)
        => _columns.TryGetValue(column, out int i) && i < row.Length ? row[i] : string.Empty;

    /// <summary>The cell as a number; NaN when empty, absent or not a number.</summary>
    public double Number(string[] row, string column)
        => double.TryParse(Text(row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;

    /// <summary>The cell as a UTC time; null when empty or absent.</summary>
    public DateTimeOffset? Time(string[] row, string column)
        => DateTimeOffset.TryParse(Text(row, column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out DateTimeOffset t) ? t : null;

    public double[] Numbers(string column) => [.. Rows.Select(r => Number(r, column))];

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
