using System.Globalization;

namespace Verdant.Core.Energy.Import;

/// <summary>Parses timestamps: ISO 8601 with an offset or Z, or without a zone (taken as UTC), 'T' or space separated.</summary>
internal static class SeriesTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/> to UTC, or returns false.</summary>
    public static bool TryParse(string text, out DateTimeOffset utc)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out utc);
    }

    /// <summary>Formats a UTC time for messages, e.g. 2020-01-01T03:00:00Z.</summary>
    public static string Format(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a duration in hours for messages, e.g. "1.5 h".</summary>
    public static string Hours(TimeSpan span) =>
        span.TotalHours.ToString("0.###", CultureInfo.InvariantCulture) + " h";
}
