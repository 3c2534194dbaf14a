using System.Globalization;

namespace Verdant.Core.Policies;

/// <summary>
/// CP-SAT parameters that make a solve a function of its model alone: one worker, a fixed seed and only a deterministic
/// time limit (work units, not wall seconds). A wall-clock limit would let a loaded machine stop the search earlier and
/// change the answer, breaking same seed -> same bytes.
/// </summary>
internal static class CpSatParameters
{
    /// <summary>The parameter string, with an optional relative gap at which to stop.</summary>
    public static string Deterministic(double deterministicSeconds, double? relativeGap = null)
        => string.Create(CultureInfo.InvariantCulture,
            $"num_workers:1 random_seed:1 max_deterministic_time:{deterministicSeconds}")
            + (relativeGap is { } gap ? string.Create(CultureInfo.InvariantCulture, $" relative_gap_limit:{gap}") : "");
}
