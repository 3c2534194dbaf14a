namespace Verdant.Core.Energy.Import;

/// <summary>A series file cannot be read as asked; the message is one line naming the file and, when known, the row.</summary>
public sealed class SeriesFormatException : Exception
{
    /// <summary>Creates an exception whose message is prefixed with the source and the row.</summary>
    public SeriesFormatException(string source, int? row, string? column, string detail)
        : base(Compose(source, row, detail))
    {
        Source = source;
        Row = row;
        Column = column;
    }

    /// <summary>Creates an exception with a plain message (for serializers and analyzers).</summary>
    public SeriesFormatException()
        : this("series", null, null, "cannot read the series")
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public SeriesFormatException(string message)
        : this("series", null, null, message)
    {
    }

    /// <summary>Creates an exception with a plain message and an inner exception.</summary>
    public SeriesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "series";
    }

    /// <summary>Name of the file (or other source) as given by the caller.</summary>
    public new string Source { get; }

    /// <summary>1-based line number in the file (the header is row 1); null when the error concerns the whole file.</summary>
    public int? Row { get; }

    /// <summary>Column name the error concerns, when there is one.</summary>
    public string? Column { get; }

    private static string Compose(string source, int? row, string detail) =>
        row is int r ? $"{source} row {r}: {detail}" : $"{source}: {detail}";
}
