using System.Globalization;
using System.Text;
using Verdant.Core.Energy.Import;

namespace Verdant.Cli.Output;

/// <summary>
/// The sample series files the project ships under scenarios/data: one per <see cref="SampleSeriesWriter"/> layout, the
/// Electricity Maps sample again under the older (2021) header, and a hub-height wind speed in the generic layout.
/// Deterministic: the same build writes the same bytes, which a test checks against the committed files.
/// </summary>
internal static class SampleFiles
{
    /// <summary>Monday 2026-06-01 00:00 UTC, so the week is a complete Monday-to-Monday week for <c>repeat: weekly</c>.</summary>
    public static readonly DateTimeOffset StartUtc = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Days = 7;

    public const string OlderElectricityMapsName = "sample-electricity-maps-2021.csv";

    public const string WindSpeedName = "sample-wind-speed.csv";

    // The header of Electricity Maps exports before the 2023 rename; same columns in the same order.
    private const string OlderElectricityMapsHeader =
        "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),"
        + "Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,Data Estimation Method";

    /// <summary>Every file name, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. SampleSeriesWriter.Layouts.Select(SampleSeriesWriter.FileName), OlderElectricityMapsName, WindSpeedName];

    /// <summary>The content of the sample called <paramref name="name"/> (UTF-8 text, LF line ends).</summary>
    public static string Content(string name)
    {
        if (name == OlderElectricityMapsName)
        {
            string newer = Content(SampleSeriesWriter.FileName(SeriesLayout.ElectricityMaps));
            return OlderElectricityMapsHeader + newer[newer.IndexOf('\n', StringComparison.Ordinal)..];
        }

        if (name == WindSpeedName)
        {
            return WindSpeed();
        }

        SeriesLayout layout = SampleSeriesWriter.Layouts.Single(l => SampleSeriesWriter.FileName(l) == name);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SampleSeriesWriter.Write(layout, writer, StartUtc, Days);
        return writer.ToString();
    }

    /// <summary>Writes every sample into <paramref name="directory"/> (created when missing); returns the names written.</summary>
    /// <remarks>All contents are built before the first file is written, so a failure leaves no half-written set.</remarks>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        var contents = Names.ToDictionary(n => n, Content, StringComparer.Ordinal);
        Directory.CreateDirectory(directory);
        foreach ((string name, string text) in contents)
        {
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
        }

        return Names;
    }

    // A plausible 100 m wind speed (m/s) every 10 minutes: a night-time maximum, a 3-day synoptic swing and a short
    // gust term; a smooth shape, not a measurement (min 1.2 m/s, max 13.8 m/s).
    private static string WindSpeed()
    {
        var text = new StringBuilder("time_utc,wind_speed_100m_ms\n");
        var step = TimeSpan.FromMinutes(10);
        int count = (int)(TimeSpan.FromDays(Days) / step);
        for (int i = 0; i < count; i++)
        {
            DateTimeOffset t = StartUtc + (step * i);
            double hours = (t - StartUtc).TotalHours;
            double speed = 7.5 + (2.5 * Math.Cos(2 * Math.PI * (hours - 3) / 24)) + (3 * Math.Sin((2 * Math.PI * hours / 74) + 0.7))
                + (0.8 * Math.Sin(2 * Math.PI * hours / 1.7));
            text.Append(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(',').Append(speed.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
