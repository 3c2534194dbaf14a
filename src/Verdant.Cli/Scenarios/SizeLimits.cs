using Verdant.Cli.Commands;
using Verdant.Core.Consensus;

namespace Verdant.Cli.Scenarios;

/// <summary>
/// Sizes the program cannot handle in reasonable time or memory, refused up front with a message naming the field,
/// instead of a silent hang. One place, so the limit moves with the algorithms (docs/reliability.md).
/// </summary>
internal static class SizeLimits
{
    /// <summary>
    /// Most compute units in one run or topology. Set-up, mixing, decisions and evaluation are linear in units and edges
    /// on the sparse topologies (docs/performance.md: 100,000 logistic-regression units run in about 8 to 11 GiB), so
    /// memory, not time, sets this bound.
    /// </summary>
    public const int MaxUnits = 100_000;

    /// <summary>
    /// Most units for what is still quadratic in the unit count: the complete, Erdos-Renyi and energy-sparse topologies
    /// (edges or construction grow as units^2), k-nearest over unsited random points (the topology command), and the
    /// adaptive, planner and fedzero policies (each decision sizes or solves per unit against every other). At 2,000
    /// units one such step takes about 15 s on the reference machine.
    /// </summary>
    public const int MaxUnitsQuadratic = 2000;

    /// <summary>Units from which set-up is slow enough to announce on the console before it starts.</summary>
    public const int AnnounceUnits = 500;

    private static readonly HashSet<TopologyKind> QuadraticTopologies = [TopologyKind.Complete, TopologyKind.ErdosRenyi, TopologyKind.EnergySparse];

    private static readonly HashSet<string> QuadraticPolicies = new(StringComparer.Ordinal) { "adaptive", "planner", "fedzero" };

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
        : $"{units} units is more than the {MaxUnits} this version is built for (memory grows with units x parameters); use fewer, larger units";

    /// <summary>Why <paramref name="units"/> is too many for the topology <paramref name="kind"/>, or null.</summary>
    public static string? TooManyUnits(long units, TopologyKind kind, bool sited = true)
        => units <= MaxUnitsQuadratic || !(QuadraticTopologies.Contains(kind) || (kind == TopologyKind.KNearest && !sited)) ? null
            : $"{units} units is more than the {MaxUnitsQuadratic} this topology can be built for in reasonable time " +
              "(its edges or construction grow as units^2); use ring, torus, hypercube, exponential or k-nearest";

    /// <summary>Why <paramref name="units"/> is too many for the policy <paramref name="policy"/>, or null.</summary>
    public static string? TooManyUnitsForPolicy(long units, string policy)
        => units <= MaxUnitsQuadratic || !QuadraticPolicies.Contains(policy) ? null
            : $"{units} units is more than the {MaxUnitsQuadratic} that '{policy}' can decide for in reasonable time " +
              "(each decision grows as units^2); use greenest-k, random-k, renewable-only, carbon-cap, carbonscaler or all";

    /// <summary>An ArgumentException's message without the " (Parameter 'x')" tail, which names code, not input.</summary>
    public static string PlainMessage(ArgumentException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
    }
}
