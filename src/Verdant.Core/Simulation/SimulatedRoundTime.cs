using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// The simulation's round-time model offered to policies: builds the scenario's topology over the units considered
/// (<see cref="ActiveGraph"/>) and runs <see cref="RoundCost"/> on their nominal compute times (no jitter, no deadline).
/// Random topology families draw from a generator re-seeded on every call, so asking never shifts the run's own streams.
/// </summary>
public sealed class SimulatedRoundTime : IRoundTimeModel
{
    /// <summary>Most sites for which <see cref="OpenSet"/> times a set without building its graph (an S x S latency table).</summary>
    public const int MaxSitesWithoutGraph = SiteLatencies.MaxSites;

    private readonly Scenario _scenario;
    private readonly Fleet _fleet;
    private readonly RoundCost _cost;
    private readonly Func<int, int, double> _linkCostJ;
    private readonly double[] _computeS;
    private readonly bool[] _onTime;
    private readonly bool[]? _on;
    private readonly double[] _startDelayS;
    private readonly NetworkModel _network;
    private SiteLatencies? _latencies;
    private SiteTiming? _timing;
    private KNearestSites? _kNearestSites;

    /// <summary>
    /// Creates the model; <paramref name="linkCostJ"/> ranks links for the energy-sparse family; <paramref name="on"/>,
    /// when given, is the units switched on now (read at each call): a unit asked for that is off is charged its boot seconds.
    /// </summary>
    public SimulatedRoundTime(Scenario scenario, Fleet fleet, NetworkModel network, Func<int, int, double> linkCostJ,
        bool[]? on = null)
    {
        _on = on;
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _startDelayS = new double[fleet.Count];
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
        _linkCostJ = linkCostJ ?? throw new ArgumentNullException(nameof(linkCostJ));
        _cost = new RoundCost(scenario, fleet, network);
        _computeS = [.. Enumerable.Range(0, fleet.Count).Select(i => _cost.SiteComputeS[fleet.SiteOf(i)])];
        _onTime = new bool[fleet.Count];
    }

    /// <inheritdoc />
    public double RoundSeconds(ReadOnlySpan<bool> active)
    {
        if (!active.Contains(true))
        {
            return 0;
        }

        Random random = Seeds.Create(_scenario.Seed, Seeds.Topology, 1);
        (Graph graph, _) = ActiveGraph.Build(_scenario.Topology, active, _fleet, random, _linkCostJ);
        for (int i = 0; i < _startDelayS.Length; i++)
        {
            _startDelayS[i] = _on is not null && active[i] && !_on[i] ? _fleet.Sites[_fleet.SiteOf(i)].Hardware.BootS : 0;
        }

        _cost.Compute(active, graph, _computeS, _startDelayS, double.PositiveInfinity, _onTime);
        return _cost.DurationS;
    }

    /// <summary>
    /// An empty set that times its members without building their graph (<see cref="OffsetRoundTimeSet"/>) on the ring,
    /// exponential, complete, hypercube and torus families (the torus on every count) and
    /// (<see cref="KNearestRoundTimeSet"/>) on k-nearest, up to <see cref="MaxSitesWithoutGraph"/> sites; otherwise
    /// one <see cref="RoundSeconds"/> per reading. The units switched on are read now, once.
    /// </summary>
    public IRoundTimeSet OpenSet(int unitCount)
    {
        TopologyKind kind = _scenario.Topology.Kind;
        bool kNearest = kind == TopologyKind.KNearest && _scenario.Topology.K >= 1;
        if (unitCount != _fleet.Count || !(OffsetRoundTimeSet.Supports(kind) || kNearest)
            || _fleet.Sites.Count > SiteLatencies.MaxSites)
        {
            return new MaskRoundTimeSet(this, unitCount);
        }

        _latencies ??= _cost.Latencies ?? new SiteLatencies(_fleet.Sites, _network);
        bool[] booting = new bool[_fleet.Count];
        for (int i = 0; i < booting.Length; i++)
        {
            booting[i] = _on is not null && !_on[i] && _fleet.Sites[_fleet.SiteOf(i)].Hardware.BootS != 0;
        }

        _timing ??= new SiteTiming(_fleet, _cost.SiteComputeS, (long)_scenario.Workload.MessageBytes,
            _network.Options.BandwidthBitsPerS);
        if (kNearest)
        {
            _kNearestSites ??= new KNearestSites(_fleet.Sites);
            return new KNearestRoundTimeSet(this, _latencies, _kNearestSites, _scenario.Topology.K, _fleet, _timing, booting);
        }

        return new OffsetRoundTimeSet(this, _latencies, kind, _fleet, _timing, booting);
    }
}
