namespace Verdant.Core.Simulation;

/// <summary>
/// The fleet's constants that a unit's finish time depends on (<see cref="RoundCost.UnitFinishS"/>): its site, and per site
/// the compute and boot seconds and the egress cap; plus the message size and link bandwidth. Built once per
/// <see cref="SimulatedRoundTime"/> and shared, read-only, by every incremental set it opens, instead of each set copying
/// them again at every decision.
/// </summary>
internal sealed class SiteTiming
{
    public SiteTiming(Fleet fleet, IReadOnlyList<double> siteComputeS, long messageBytes, double bandwidthBitsPerS)
    {
        SiteOf = [.. Enumerable.Range(0, fleet.Count).Select(fleet.SiteOf)];
        ComputeS = [.. siteComputeS];
        BootS = [.. fleet.Sites.Select(s => s.Hardware.BootS)];
        EgressBitsPerS = [.. fleet.Sites.Select(s => s.EgressBitsPerS)];
        MessageBytes = messageBytes;
        BandwidthBitsPerS = bandwidthBitsPerS;
    }

    /// <summary>Site of each unit.</summary>
    public int[] SiteOf { get; }

    /// <summary>Nominal compute seconds of a round, per site.</summary>
    public double[] ComputeS { get; }

    /// <summary>Boot seconds of a unit switched off, per site.</summary>
    public double[] BootS { get; }

    /// <summary>Egress cap shared by a site's outgoing copies (bit/s), or null, per site.</summary>
    public double?[] EgressBitsPerS { get; }

    /// <summary>Bytes of one model copy.</summary>
    public long MessageBytes { get; }

    /// <summary>Link bandwidth (bit/s).</summary>
    public double BandwidthBitsPerS { get; }
}
