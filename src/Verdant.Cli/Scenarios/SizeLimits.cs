using Verdant.Cli.Commands;

namespace Verdant.Cli.Scenarios;

/// <summary>
/// Sizes the program cannot handle in reasonable time or memory, refused up front with a message naming the field,
/// instead of a silent hang. One place, so the limit moves with the algorithms (docs/reliability.md).
/// </summary>
internal static class SizeLimits
{
    /// <summary>
    /// Most compute units in one run or topology: the Metropolis spectral gap and the mixing set-up are dense in the
    /// unit count (about n^3: 1,000 units take 5 s, 3,000 take 60 s on the reference machine), so 2,000 keeps set-up
    /// under about half a minute.
    /// </summary>
    public const int MaxUnits = 2000;

    /// <summary>Units from which set-up is slow enough to announce on the console before it starts.</summary>
    public const int AnnounceUnits = 500;

    /// <summary>Throws a usage error naming <paramref name="field"/> when <paramref name="units"/> exceeds <see cref="MaxUnits"/>.</summary>
    public static void CheckUnits(long units, string field)
    {
        if (TooManyUnits(units) is { } problem)
        {
            throw new UsageException($"{field}: {problem}");
        }
    }

    /// <summary>Why <paramref name="units"/> is refused, or null when it is within <see cref="MaxUnits"/>.</summary>
    public static string? TooManyUnits(long units) => units <= MaxUnits ? null
        : $"{units} units is more than the {MaxUnits} this version can set up in reasonable time " +
          "(the spectral gap and mixing set-up grow as units^3); use fewer, larger units";

    /// <summary>An ArgumentException's message without the " (Parameter 'x')" tail, which names code, not input.</summary>
    public static string PlainMessage(ArgumentException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
    }
}
