using Verdant.Core.Consensus;
using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// Time and energy of one round. A round lasts as long as its slowest active unit's compute plus its communication
/// (the farthest active neighbour's latency plus all its outgoing copies serialized on its link). Per site: compute energy
/// = compute seconds x busy W x PUE; units that finish early wait at idle W x PUE; network energy = bytes sent x kWh/GB.
/// Buffers are reused: computing a round's cost allocates nothing.
/// </summary>
public sealed class RoundCost
{
    private readonly Scenario _scenario;
    private readonly Fleet _fleet;
    private readonly NetworkModel _network;
    private readonly double[] _computeS;

    /// <summary>Creates the cost model.</summary>
    public RoundCost(Scenario scenario, Fleet fleet, NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(fleet);
        _scenario = scenario;
        _fleet = fleet;
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _computeS = scenario.Sites.Select(s => Fleet.ComputeSeconds(s, scenario)).ToArray();
        SiteComputeKwh = new double[scenario.Sites.Count];
        SiteIdleKwh = new double[scenario.Sites.Count];
        SiteNetworkKwh = new double[scenario.Sites.Count];
        SiteComputeS = _computeS;
    }

    /// <summary>Duration of the last computed round (s).</summary>
    public double DurationS { get; private set; }

    /// <summary>Bytes sent in the last computed round.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Compute seconds of a unit at each site.</summary>
    public IReadOnlyList<double> SiteComputeS { get; }

    /// <summary>Per-site compute energy of the last round (kWh).</summary>
    public double[] SiteComputeKwh { get; }

    /// <summary>Per-site idle-wait energy of the last round (kWh).</summary>
    public double[] SiteIdleKwh { get; }

    /// <summary>Per-site network energy of the last round (kWh).</summary>
    public double[] SiteNetworkKwh { get; }

    /// <summary>Computes the cost of a round of <paramref name="active"/> units on <paramref name="graph"/>.</summary>
    public void Compute(ReadOnlySpan<bool> active, Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Array.Clear(SiteComputeKwh);
        Array.Clear(SiteIdleKwh);
        Array.Clear(SiteNetworkKwh);
        double duration = 0;
        long bytes = 0;
        long message = (long)_scenario.Workload.MessageBytes;
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                continue;
            }

            int site = _fleet.SiteOf(i);
            double latency = 0;
            int degree = 0;
            foreach (int j in graph.Neighbors(i))
            {
                if (active[j])
                {
                    degree++;
                    latency = Math.Max(latency, _network.LatencyS(_fleet.Sites[site].Location, _fleet.Sites[_fleet.SiteOf(j)].Location));
                }
            }

            long sent = degree * message;
            double commS = degree == 0 ? 0 : latency + (sent * 8.0 / _network.Options.BandwidthBitsPerS);
            duration = Math.Max(duration, _computeS[site] + commS);
            bytes += sent;
            SiteNetworkKwh[site] += _network.EnergyKwh(sent);
        }

        for (int i = 0; i < active.Length; i++)
        {
            if (active[i])
            {
                int site = _fleet.SiteOf(i);
                Site s = _fleet.Sites[site];
                SiteComputeKwh[site] += _computeS[site] * s.Hardware.BusyPowerW * s.Pue / 3.6e6;
                SiteIdleKwh[site] += (duration - _computeS[site]) * s.Hardware.IdlePowerW * s.Pue / 3.6e6;
            }
        }

        DurationS = duration;
        BytesSent = bytes;
    }
}
