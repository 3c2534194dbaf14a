namespace Verdant.Cluster.Options;

/// <summary>How this process takes part in a Verdant cluster.</summary>
public sealed class VerdantClusterOptions
{
    /// <summary>Sites whose units this silo hosts (declared in its silo metadata for placement).</summary>
    public IReadOnlyList<string> Sites { get; set; } = [];

    /// <summary>
    /// Ship each unit's last gradient to the coordinator every round, so the gradient-noise estimate (and the policies and
    /// deadlines that read it) is the simulator's. Costs one more parameter-sized message per unit and round.
    /// </summary>
    public bool GradientStatistics { get; set; } = true;

    /// <summary>
    /// How long placement waits for a silo of a unit's site to appear in the silo-metadata cache before refusing the
    /// activation (a silo's metadata reaches the others a moment after it joins; a stopped site never comes back).
    /// </summary>
    public TimeSpan PlacementWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A unit writes a checkpoint (parameters, momentum, sampler position, counters) to grain storage after mixing a round
    /// at least this many rounds after its last checkpoint; 0 turns checkpoints off. A restarted unit loses at most the
    /// rounds since its last checkpoint.
    /// </summary>
    public int CheckpointEveryRounds { get; set; } = 10;
}
