using System.Globalization;
using System.Net;

namespace Verdant.Cli.Report;

/// <summary>Small HTML helpers: escaping, numbers for people, anchors.</summary>
internal static class Html
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number with about four significant digits, invariant; a dash for NaN.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "&ndash;"
        : Math.Abs(value) >= 1e5 || (value != 0 && Math.Abs(value) < 1e-3)
            ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>An id usable in an anchor: letters, digits and dashes.</summary>
    public static string Anchor(string text)
        => new([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
