using Verdant.Cli.Commands;
using Verdant.Core.Consensus;
using Verdant.Core.Simulation;

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
    /// policies that time the round for every prefix of a ranking (adaptive, planner, carbonscaler) where the round time is
    /// read by building the graph (Erdos-Renyi, energy-sparse, or more than
    /// <see cref="SimulatedRoundTime.MaxSitesWithoutGraph"/> sites): there each decision builds N graphs, about 1 s at
    /// 2,000 units on the idle 2-core machine and growing as units^2 (docs/performance.md).
    /// On ring, torus, hypercube, exponential, complete and (sited) k-nearest graphs the profile needs no graph
    /// (<see cref="SimulatedRoundTime.OpenSet"/>): three rounds of adaptive at 10,000 units, decisions included, ran in
    /// 1.9 s on the generated 100-site scenario on the exponential graph, and k-nearest and torus decisions at 10,000 units
    /// take well under a second (docs/performance.md), so there these policies go to <see cref="MaxUnits"/>.
    /// </summary>
    public const int MaxUnitsQuadratic = 2000;

    /// <summary>
    /// Most units for fedzero, whose selection is one CP-SAT program with a variable per unit on renewable excess (as in
    /// the paper): its solve grows faster than the units despite the deterministic limit (the generated 100-site scenario,
    /// load 25 on 2 cores: 1.6-2.3 s a decision at 2,000 units, 24-28 s at 10,000; docs/performance.md).
    /// </summary>
    public const int MaxUnitsSolver = 10_000;

    /// <summary>Units from which set-up is slow enough to announce on the console before it starts.</summary>
    public const int AnnounceUnits = 500;

    private static readonly HashSet<TopologyKind> QuadraticTopologies = [TopologyKind.Complete, TopologyKind.ErdosRenyi, TopologyKind.EnergySparse];

    private static readonly HashSet<string> ProfilePolicies = new(StringComparer.Ordinal) { "adaptive", "planner", "carbonscaler" };

    // Round time of any prefix without building the graph, on up to SimulatedRoundTime.MaxSitesWithoutGraph sites
    // (OffsetRoundTimeSet; KNearestRoundTimeSet for k-nearest over sites, the only k-nearest a scenario has).
    private static readonly HashSet<TopologyKind> GraphFreeTopologies =
        [
            TopologyKind.Ring, TopologyKind.Torus, TopologyKind.Hypercube, TopologyKind.Exponential, TopologyKind.Complete,
            TopologyKind.KNearest,
        ];

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

    /// <summary>
    /// Why <paramref name="units"/> at <paramref name="sites"/> sites is too many for the policy <paramref name="policy"/>
    /// on the topology <paramref name="topology"/>, or null.
    /// </summary>
    public static string? TooManyUnitsForPolicy(long units, string policy, TopologyKind topology, int sites)
        => policy == "fedzero"
            ? units <= MaxUnitsSolver ? null
                : $"{units} units is more than the {MaxUnitsSolver} that 'fedzero' can decide for in reasonable time (its CP-SAT " +
                  "selection has a variable per unit and grows faster than the units); use greenest-k, random-k, renewable-only, " +
                  "carbon-cap, adaptive or all"
        : units <= MaxUnitsQuadratic || !ProfilePolicies.Contains(policy)
            || (GraphFreeTopologies.Contains(topology) && sites <= SimulatedRoundTime.MaxSitesWithoutGraph) ? null
            : $"{units} units is more than the {MaxUnitsQuadratic} that '{policy}' can decide for in reasonable time on this " +
              (sites > SimulatedRoundTime.MaxSitesWithoutGraph ? $"topology with more than {SimulatedRoundTime.MaxSitesWithoutGraph} sites " : "topology ") +
              "(each decision times a round per unit, building the graph each time: units^2); use " +
              (sites > SimulatedRoundTime.MaxSitesWithoutGraph ? $"at most {SimulatedRoundTime.MaxSitesWithoutGraph} sites"
                  : "a ring, torus, hypercube, exponential or k-nearest topology") +
              ", or greenest-k, random-k, renewable-only, carbon-cap, fedzero or all";

    /// <summary>An ArgumentException's message without the " (Parameter 'x')" tail, which names code, not input.</summary>
    public static string PlainMessage(ArgumentException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
    }
}
