using System.Globalization;
using System.Text;
using Verdant.Core.Energy.Import;

namespace Verdant.Core.Tests.Energy.Import;

/// <summary>Builds small CSV samples in memory and imports them.</summary>
internal static class ImportTestData
{
    public static readonly DateTimeOffset Jan1 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ImportedSeries Read(string csv, SeriesImportOptions options, string source = "grid.csv")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return SeriesImporter.Import(stream, source, options);
    }

    public static SeriesFormatException Fails(string csv, SeriesImportOptions options, string source = "grid.csv") =>
        Assert.Throws<SeriesFormatException>(() => Read(csv, options, source));

    /// <summary>A <c>timestamp,value</c> file from <see cref="Jan1"/> with the given step and values.</summary>
    public static string Regular(TimeSpan step, params double[] values) => RegularFrom(Jan1, step, values);

    /// <summary>A <c>timestamp,value</c> file from <paramref name="start"/> with the given step and values.</summary>
    public static string RegularFrom(DateTimeOffset start, TimeSpan step, double[] values)
    {
        var text = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start + (step * i):yyyy-MM-ddTHH:mm:ssZ},{values[i]}\n");
        }

        return text.ToString();
    }

    public static SeriesImportOptions Generic(SeriesUnit unit) =>
        new() { Layout = SeriesLayout.Generic, TimeColumn = "timestamp", ValueColumn = "value", Unit = unit };
}
