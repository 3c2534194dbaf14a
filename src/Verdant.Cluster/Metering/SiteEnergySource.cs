namespace Verdant.Cluster.Metering;

/// <summary>
/// Where a site's compute energy came from in a run: <c>rapl</c> (its machines' RAPL package counters, every unit-round),
/// <c>modelled</c> (measured busy seconds x the hardware profile's busy power), <c>mixed</c> (some of each), or
/// <c>simulated</c> (no wall-clock replay: the simulator's energy model of the scenario's workload); with the reason a
/// counter could not be read, and how many unit-rounds each source covered.
/// </summary>
public sealed record SiteEnergySource(string Site, string Source, string? Reason, long RaplUnitRounds, long ModelledUnitRounds)
{
    /// <summary>RAPL package energy.</summary>
    public const string Rapl = "rapl";

    /// <summary>Busy time x hardware profile power.</summary>
    public const string Modelled = "modelled";

    /// <summary>Some unit-rounds of each.</summary>
    public const string Mixed = "mixed";

    /// <summary>The simulator's energy model (no replay).</summary>
    public const string Simulated = "simulated";

    /// <summary>The source named from the unit-rounds each covered.</summary>
    public static string Of(long raplUnitRounds, long modelledUnitRounds)
        => raplUnitRounds == 0 ? Modelled : modelledUnitRounds == 0 ? Rapl : Mixed;
}
