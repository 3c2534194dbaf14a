namespace Verdant.Core.Policies;

/// <summary>"Did you mean" support for names typed by users (policies, scenario keys): case-insensitive Levenshtein distance.</summary>
public static class NameSuggestion
{
    /// <summary>Edit distance between <paramref name="a"/> and <paramref name="b"/>, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>" (did you mean 'x'?)" for the closest candidate, or empty when none is close: the tail of an error message.</summary>
    public static string Hint(IEnumerable<string> candidates, string typed)
        => Closest(candidates, typed) is { } closest ? $" (did you mean '{closest}'?)" : string.Empty;

    /// <summary>The candidate closest to <paramref name="typed"/>, or null when none is within <paramref name="maxDistance"/>.</summary>
    /// <remarks>A candidate that starts with what was typed (renewable for renewable-only) counts as closest.</remarks>
    public static string? Closest(IEnumerable<string> candidates, string typed, int maxDistance = 3)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(typed);
        string[] all = [.. candidates];
        if (typed.Length >= 3 && all.FirstOrDefault(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) is { } prefixed)
        {
            return prefixed;
        }

        string? best = all.MinBy(c => Distance(c, typed));
        return best is not null && Distance(best, typed) <= maxDistance ? best : null;
    }
}
