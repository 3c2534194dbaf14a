using System.Text;

namespace Verdant.Core.Energy.Import;

/// <summary>Reads comma-separated records with RFC 4180 quoting; blank lines are skipped.</summary>
/// <remarks>Shafranovich, "Common Format and MIME Type for CSV Files", RFC 4180, 2005.</remarks>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly string _source;
    private const int MaxRecordChars = 1 << 20;
    private int _line = 1;
    private int _recordChars;

    public CsvReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    /// <summary>The next record that is not a blank line, or null at the end of the file.</summary>
    public CsvRow? ReadNext()
    {
        while (ReadRecord() is CsvRow row)
        {
            if (!(row.Fields.Length == 1 && row.Fields[0].Length == 0))
            {
                return row;
            }
        }

        return null;
    }

    private CsvRow? ReadRecord()
    {
        if (_reader.Peek() < 0)
        {
            return null;
        }

        int startLine = _line;
        _recordChars = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            int c = _reader.Read();
            if (c == '"' && field.Length == 0)
            {
                ReadQuoted(field, startLine);
                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                continue;
            }

            if (c < 0 || c == '\n' || c == '\r')
            {
                EndLine(c);
                fields.Add(field.ToString());
                return new CsvRow(startLine, [.. fields]);
            }

            Append(field, c, startLine);
        }
    }

    /// <summary>Appends one character; a record longer than <see cref="MaxRecordChars"/> means the file is not a CSV (or a device such as /dev/zero).</summary>
    private void Append(StringBuilder field, int c, int startLine)
    {
        if (++_recordChars > MaxRecordChars)
        {
            throw new SeriesFormatException(_source, startLine, null,
                $"the row is longer than {MaxRecordChars / (1 << 20)} MiB; this does not look like a CSV file");
        }

        field.Append((char)c);
    }

    private void ReadQuoted(StringBuilder field, int startLine)
    {
        while (true)
        {
            int c = _reader.Read();
            if (c < 0)
            {
                throw new SeriesFormatException(_source, startLine, null, "a quoted field is not closed before the end of the file");
            }

            if (c == '"')
            {
                if (_reader.Peek() != '"')
                {
                    return;
                }

                _reader.Read();
            }
            else if (c == '\n' || (c == '\r' && _reader.Peek() != '\n'))
            {
                _line++;
            }

            Append(field, c, startLine);
        }
    }

    private void EndLine(int c)
    {
        if (c == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }

        if (c >= 0)
        {
            _line++;
        }
    }
}
