using System.Globalization;

namespace Verdant.Cli.Output;

/// <summary>Invariant, round-trippable CSV cells: the same run gives the same bytes on every machine and culture.</summary>
internal static class Csv
{
    public static string Number(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Text(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;

    public static void Row(TextWriter writer, params string[] cells) => writer.Write(string.Join(',', cells) + "\n");
}
