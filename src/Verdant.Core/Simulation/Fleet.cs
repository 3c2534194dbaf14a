using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// The compute units of a scenario in node order (site by site), with what each costs: compute seconds per round, and
/// the training power a policy must budget for at the site (PUE and amortized wake-up included) and the network power it
/// adds on the grid.
/// </summary>
public sealed class Fleet
{
    private readonly int[] _siteOfNode;
    private readonly UnitPower[] _power;

    /// <summary>Lays out the units of <paramref name="scenario"/>.</summary>
    public Fleet(Scenario scenario, NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(network);
        Sites = scenario.Sites;
        _siteOfNode = new int[scenario.UnitCount];
        _power = [.. Sites.Select(UnitPower.Of)];
        var units = new List<UnitView>(_siteOfNode.Length);
        int maxDegree = Math.Max(1, Math.Min(_siteOfNode.Length - 1, ExpectedMaxDegree(scenario)));
        double epochS = scenario.Policy.Epoch.TotalSeconds;
        for (int s = 0, node = 0; s < Sites.Count; s++)
        {
            Site site = Sites[s];
            double computeS = ComputeSeconds(site, scenario);
            // Upper bound on network power: every message of the largest degree sent within the unit's compute time. It is
            // grid power wherever the unit is: no site's surplus serves it.
            double networkW = (UnitPower.ToJoules(network.EnergyKwh((long)(maxDegree * scenario.Workload.MessageBytes)))
                / computeS) + network.Options.BaselineWPerUnit * (network.Options.Model == NetworkEnergyModel.Marginal ? 1 : 0);
            double powerW = _power[s].BusyFacilityW + UnitPower.ToJoules(_power[s].WakeKwh) / epochS;
            for (int u = 0; u < site.Units; u++, node++)
            {
                _siteOfNode[node] = s;
                units.Add(new UnitView(node, s, site.Hardware.SustainedFlops, powerW, computeS) { NetworkPowerW = networkW });
            }
        }

        Units = units;
    }

    /// <summary>The sites.</summary>
    public IReadOnlyList<Site> Sites { get; }

    /// <summary>The units as policies see them.</summary>
    public IReadOnlyList<UnitView> Units { get; }

    /// <summary>Node count N.</summary>
    public int Count => _siteOfNode.Length;

    /// <summary>What a unit at site <paramref name="site"/> draws (the one source of unit power).</summary>
    public UnitPower PowerAt(int site) => _power[site];

    /// <summary>Site index of <paramref name="node"/>.</summary>
    public int SiteOf(int node) => _siteOfNode[node];

    /// <summary>Great-circle distance between two nodes' sites (km).</summary>
    public double DistanceKm(int a, int b) => Sites[_siteOfNode[a]].Location.GreatCircleKm(Sites[_siteOfNode[b]].Location);

    /// <summary>Seconds a unit of <paramref name="site"/> computes per round: tau x FLOPs per step / sustained FLOP/s.</summary>
    public static double ComputeSeconds(Site site, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Training.LocalSteps * scenario.Workload.FlopsPerStep / site.Hardware.SustainedFlops;
    }

    private static int ExpectedMaxDegree(Scenario scenario) => scenario.Topology.Kind switch
    {
        TopologyKind.Complete => scenario.UnitCount - 1,
        TopologyKind.Ring => 2,
        TopologyKind.Torus => 4,
        TopologyKind.KNearest => 2 * scenario.Topology.K,
        _ => (int)Math.Ceiling(Math.Log2(Math.Max(2, scenario.UnitCount))) * 2,
    };
}
