namespace Verdant.Core.Energy.Import;

/// <summary>A parsed CSV file: its header and data rows, with column look-up by case-insensitive name.</summary>
internal sealed class CsvTable
{
    private readonly CsvReader _reader;
    private CsvRow? _first;

    private CsvTable(string source, CsvRow header, CsvRow first, CsvReader reader)
    {
        Source = source;
        Header = header.Fields;
        _first = first;
        _reader = reader;
    }

    public string Source { get; }

    public string[] Header { get; }

    /// <summary>
    /// Reads the header and the first data row; the other rows are read as <see cref="DataRows"/> is enumerated, so a
    /// file is never held in memory. An empty file or a header without data rows is an error.
    /// </summary>
    public static CsvTable Read(TextReader reader, string source)
    {
        var csv = new CsvReader(reader, source);
        CsvRow header = csv.ReadNext()
            ?? throw new SeriesFormatException(source, null, null, "the file is empty; expected a header row and data rows");
        if (header.Fields.All(f => Normalize(f).Length == 0))
        {
            throw new SeriesFormatException(source, header.Line, null, "the header row has no column names");
        }

        CsvRow first = csv.ReadNext() ?? throw new SeriesFormatException(source, null, null, "the file has a header but no data rows");
        return new CsvTable(source, header, first, csv);
    }

    /// <summary>The data rows in file order, read once from the stream.</summary>
    public IEnumerable<CsvRow> DataRows()
    {
        if (_first is { } first)
        {
            _first = null;
            yield return first;
        }

        while (_reader.ReadNext() is { } row)
        {
            yield return row;
        }
    }

    /// <summary>
    /// A cell as it may appear in a message: control characters escaped as \xNN and anything past 40 characters cut, so a
    /// binary file does not write raw bytes to the terminal.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder();
        foreach (char c in text.Length > 40 ? text[..40] : text)
        {
            builder.Append(char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString());
        }

        return text.Length > 40 ? builder.Append("...").ToString() : builder.ToString();
    }

    /// <summary>Lower-case, trimmed, subscript two as a digit, so "gCO₂eq" matches "gco2eq".</summary>
    public static string Normalize(string name) =>
        name.Trim().Trim('\uFEFF').Replace('₂', '2').ToLowerInvariant();

    /// <summary>Index of the column named <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int Find(string name)
    {
        string wanted = Normalize(name);
        return Array.FindIndex(Header, h => Normalize(h) == wanted);
    }

    /// <summary>Index of the first column whose normalized name satisfies <paramref name="match"/>, or -1.</summary>
    public int Find(Func<string, bool> match) => Array.FindIndex(Header, h => match(Normalize(h)));

    /// <summary>Index of the column named <paramref name="name"/>; throws listing the available columns.</summary>
    public int Require(string name)
    {
        int index = Find(name);
        if (index < 0)
        {
            throw new SeriesFormatException(Source, 1, name, $"no column '{name}'; available columns: {Available()}");
        }

        return index;
    }

    /// <summary>The header's column names, quoted and comma-separated, for messages.</summary>
    public string Available() => string.Join(", ", Header.Take(20).Select(h => $"'{Quote(h)}'")) + (Header.Length > 20 ? $" and {Header.Length - 20} more" : string.Empty);

    /// <summary>The trimmed cell of <paramref name="row"/> in column <paramref name="index"/>; throws when the row is short.</summary>
    public string Cell(CsvRow row, int index)
    {
        if (index >= row.Fields.Length)
        {
            throw new SeriesFormatException(Source, row.Line, Header[index],
                $"the row has {row.Fields.Length} fields, so no value for column '{Header[index]}' (field {index + 1})");
        }

        return row.Fields[index].Trim();
    }
}
