using Verdant.Core.Consensus;
using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// Time and energy of one round. Unit i finishes at f_i = its compute seconds + its communication (the farthest active
/// neighbour's latency plus all its outgoing copies serialized on its link). A synchronous round lasts max f_i; with a
/// round deadline D it lasts min(D, max f_i) and only the units with f_i &lt;= D make it (they mix; the others' work is
/// discarded). Per site: compute energy = busy seconds x busy W x PUE (late units are busy until D); units that finish
/// early wait at idle W x PUE (<see cref="UnitPower"/>); network energy (<see cref="NetworkModel"/>) of every copy an
/// on-time unit sends to an on-time neighbour is booked half on the sender's grid and half on the receiver's, plus, in
/// the marginal model, each communicating unit's baseline share for the round on its own site's grid.
/// Buffers are reused: computing a round's cost allocates nothing.
/// </summary>
public sealed class RoundCost
{
    private readonly Scenario _scenario;
    private readonly Fleet _fleet;
    private readonly NetworkModel _network;
    private readonly double[] _finishS;
    private readonly int[] _degree;
    private readonly double[] _siteBits;

    // Up to this many sites the site-to-site latencies are tabulated once (2 MiB at the limit) instead of evaluated, with
    // their great-circle trigonometry, for every edge of every round and of every round a policy times.
    private const int MaxTabulatedSites = 512;

    /// <summary>Creates the cost model.</summary>
    public RoundCost(Scenario scenario, Fleet fleet, NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(fleet);
        _scenario = scenario;
        _fleet = fleet;
        _network = network ?? throw new ArgumentNullException(nameof(network));
        SiteComputeS = scenario.Sites.Select(s => Fleet.ComputeSeconds(s, scenario)).ToArray();
        SiteComputeKwh = new double[scenario.Sites.Count];
        SiteIdleKwh = new double[scenario.Sites.Count];
        SiteNetworkKwh = new double[scenario.Sites.Count];
        _finishS = new double[fleet.Count];
        _degree = new int[fleet.Count];
        _siteBits = new double[scenario.Sites.Count];
        Latencies = fleet.Sites.Count <= MaxTabulatedSites ? new SiteLatencies(fleet.Sites, network) : null;
    }

    /// <summary>Duration of the last computed round (s).</summary>
    public double DurationS { get; private set; }

    /// <summary>Bytes sent in the last computed round.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Units that made the last round's deadline.</summary>
    public int OnTimeCount { get; private set; }

    /// <summary>Nominal compute seconds per round of a unit at each site (no jitter).</summary>
    public IReadOnlyList<double> SiteComputeS { get; }

    /// <summary>When each unit finished (s from the round start) in the last computed round; 0 for inactive units.</summary>
    public ReadOnlySpan<double> FinishS => _finishS;

    /// <summary>Per-site compute energy of the last round (kWh).</summary>
    public double[] SiteComputeKwh { get; }

    /// <summary>Per-site idle-wait energy of the last round (kWh).</summary>
    public double[] SiteIdleKwh { get; }

    /// <summary>Network energy of the last round by the grid its carbon follows (kWh); no site's meter serves it.</summary>
    public double[] SiteNetworkKwh { get; }

    /// <summary>
    /// Computes the cost of a round of <paramref name="active"/> units on <paramref name="graph"/>, where unit i computes
    /// for <paramref name="computeS"/>[i] seconds, under <paramref name="deadlineS"/> (infinity: wait for all); writes who
    /// made it into <paramref name="onTime"/>.
    /// </summary>
    public void Compute(ReadOnlySpan<bool> active, Graph graph, ReadOnlySpan<double> computeS, double deadlineS, Span<bool> onTime)
        => Compute(active, graph, computeS, [], deadlineS, onTime);

    /// <summary>
    /// As above, with unit i starting <paramref name="startDelayS"/>[i] seconds late (still booting; empty: none). The
    /// delay lengthens its finish time but is not charged here: booting is the wake-up energy, charged when it was woken.
    /// </summary>
    public void Compute(ReadOnlySpan<bool> active, Graph graph, ReadOnlySpan<double> computeS, ReadOnlySpan<double> startDelayS,
        double deadlineS, Span<bool> onTime)
    {
        ArgumentNullException.ThrowIfNull(graph);
        double slowest = Finishes(active, graph, computeS, startDelayS);
        double duration = Math.Min(slowest, deadlineS);
        int made = 0;
        for (int i = 0; i < active.Length; i++)
        {
            onTime[i] = active[i] && _finishS[i] <= duration;
            made += onTime[i] ? 1 : 0;
        }

        Charge(active, graph, computeS, startDelayS, duration, onTime);
        DurationS = duration;
        OnTimeCount = made;
    }

    /// <summary>
    /// Replaces the last round's duration and per-site compute and idle energy with measured ones (real mode); network
    /// energy and bytes stay as computed, since no meter sees the routers.
    /// </summary>
    public void ReplaceMeasured(double durationS, ReadOnlySpan<double> siteComputeKwh, ReadOnlySpan<double> siteIdleKwh)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationS);
        siteComputeKwh.CopyTo(SiteComputeKwh);
        siteIdleKwh.CopyTo(SiteIdleKwh);
        DurationS = durationS;
    }

    // A unit's copies leave at the link bandwidth, unless its site's egress cap, shared by all the site's outgoing copies
    // this round, is the tighter limit.
    private double Finishes(ReadOnlySpan<bool> active, Graph graph, ReadOnlySpan<double> computeS, ReadOnlySpan<double> startDelayS)
    {
        double slowest = 0;
        long message = (long)_scenario.Workload.MessageBytes;
        Array.Clear(_siteBits);
        for (int i = 0; i < active.Length; i++)
        {
            _degree[i] = active[i] ? ActiveDegree(graph, active, i) : 0;
            _siteBits[_fleet.SiteOf(i)] += CopyBits(_degree[i], message);
        }

        for (int i = 0; i < active.Length; i++)
        {
            _finishS[i] = 0;
            if (!active[i])
            {
                continue;
            }

            int siteIndex = _fleet.SiteOf(i);
            Site site = _fleet.Sites[siteIndex];
            double latency = 0;
            foreach (int j in graph.Neighbors(i))
            {
                if (active[j])
                {
                    latency = Math.Max(latency, LatencyS(siteIndex, _fleet.SiteOf(j)));
                }
            }

            int degree = _degree[i];
            double serialS = SerialS(degree, message, _network.Options.BandwidthBitsPerS);
            if (site.EgressBitsPerS is { } cap)
            {
                serialS = Math.Max(serialS, _siteBits[_fleet.SiteOf(i)] / cap);
            }

            _finishS[i] = UnitFinishS(startDelayS.IsEmpty ? 0 : startDelayS[i], computeS[i], latency, serialS, degree);
            slowest = Math.Max(slowest, _finishS[i]);
        }

        return slowest;
    }

    /// <summary>Bits of <paramref name="copies"/> model copies of <paramref name="messageBytes"/> bytes.</summary>
    /// <remarks>The round and the incremental round-time sets all count bits with this, so that they stay bit for bit equal.</remarks>
    internal static double CopyBits(long copies, long messageBytes) => copies * messageBytes * 8.0;

    /// <summary>Seconds to send <paramref name="copies"/> model copies one after another at the link rate.</summary>
    internal static double SerialS(long copies, long messageBytes, double bandwidthBitsPerS) =>
        CopyBits(copies, messageBytes) / bandwidthBitsPerS;

    /// <summary>
    /// A unit's finish time: (start delay + compute) + communication, communication 0 for a unit without neighbours. The
    /// incremental round-time sets call it too, so that they stay bit for bit equal to the round.
    /// </summary>
    internal static double UnitFinishS(double delayS, double computeS, double latencyS, double serialS, int degree)
        => delayS + computeS + (degree == 0 ? 0 : latencyS + serialS);

    /// <summary>The site-to-site latencies, tabulated up to 512 sites (null above).</summary>
    internal SiteLatencies? Latencies { get; }

    private double LatencyS(int from, int to) => Latencies is { } table
        ? table.LatencyS(from, to)
        : _network.LatencyS(_fleet.Sites[from].Location, _fleet.Sites[to].Location);

    private static int ActiveDegree(Graph graph, ReadOnlySpan<bool> active, int i)
    {
        int degree = 0;
        foreach (int j in graph.Neighbors(i))
        {
            degree += active[j] ? 1 : 0;
        }

        return degree;
    }

    private void Charge(ReadOnlySpan<bool> active, Graph graph, ReadOnlySpan<double> computeS, ReadOnlySpan<double> startDelayS,
        double duration, ReadOnlySpan<bool> onTime)
    {
        Array.Clear(SiteComputeKwh);
        Array.Clear(SiteIdleKwh);
        Array.Clear(SiteNetworkKwh);
        long bytes = 0;
        long message = (long)_scenario.Workload.MessageBytes;
        double messageKwh = _network.EnergyKwh(message);
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                continue;
            }

            int site = _fleet.SiteOf(i);
            UnitPower power = _fleet.PowerAt(site);
            double up = Math.Max(0, duration - (startDelayS.IsEmpty ? 0 : startDelayS[i]));
            double busy = Math.Min(computeS[i], up);
            SiteComputeKwh[site] += power.BusyKwh(busy);
            SiteIdleKwh[site] += power.IdleKwh(up - busy);
            if (onTime[i])
            {
                int sentTo = 0;
                foreach (int j in graph.Neighbors(i))
                {
                    if (onTime[j])
                    {
                        sentTo++;
                        SiteNetworkKwh[site] += messageKwh / 2;
                        SiteNetworkKwh[_fleet.SiteOf(j)] += messageKwh / 2;
                    }
                }

                bytes += sentTo * message;
                SiteNetworkKwh[site] += sentTo > 0 ? _network.BaselineKwh(duration) : 0;
            }
        }

        BytesSent = bytes;
    }
}
