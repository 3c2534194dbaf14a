using Verdant.Core.Consensus;

namespace Verdant.Core.Simulation;

/// <summary>
/// Builds the scenario's topology family over the currently active units only, so the graph the active units average
/// on is connected whatever the policy chose; inactive units get no edges. Rebuilt at decision epochs, not every round.
/// </summary>
public static class ActiveGraph
{
    /// <summary>
    /// The graph on all N nodes whose edges join active nodes in the family of <paramref name="spec"/>; a family that
    /// cannot be built on the active count (a hypercube of 6) falls back to the exponential graph, said in the return.
    /// </summary>
    /// <remarks>
    /// The energy-sparse family ranks links by <paramref name="edgeCostJ"/> (joules per round between two nodes); the
    /// other families ignore it.
    /// </remarks>
    public static (Graph Graph, string? Fallback) Build(TopologySpec spec, ReadOnlySpan<bool> active, Fleet fleet, Random random,
        Func<int, int, double>? edgeCostJ = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fleet);
        var ids = new List<int>();
        for (int i = 0; i < active.Length; i++)
        {
            if (active[i])
            {
                ids.Add(i);
            }
        }

        if (ids.Count < 2)
        {
            return (new Graph(active.Length, []), null);
        }

        Graph local;
        string? fallback = null;
        try
        {
            local = spec.Kind == TopologyKind.EnergySparse && edgeCostJ is not null
                ? SparseTopology.Build(ids.Count, (a, b) => edgeCostJ(ids[a], ids[b]), spec.MinSpectralGap)
                : spec.Kind == TopologyKind.KNearest && spec.K >= 1
                    // Units of a site share its location: the grouped rule gives the same graph without N^2 distances.
                    ? Topology.KNearestGrouped(spec.K, [.. ids.Select(fleet.SiteOf)], fleet.Sites.Count,
                        (g, h) => fleet.Sites[g].Location.GreatCircleKm(fleet.Sites[h].Location))
                    : Topology.Build(spec, ids.Count, (a, b) => fleet.DistanceKm(ids[a], ids[b]), random);
        }
        catch (ArgumentException ex)
        {
            fallback = $"{spec.Kind} not possible on {ids.Count} units ({ex.Message}); exponential graph used";
            local = Topology.Build(spec with { Kind = TopologyKind.Exponential }, ids.Count, null, random);
        }

        return (new Graph(active.Length, local.Edges().Select(e => (ids[e.A], ids[e.B]))), fallback);
    }
}
