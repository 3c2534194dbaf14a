namespace Verdant.Cluster.Contracts;

/// <summary>Parameter messages a unit ignored: late (for a round it had already mixed) and duplicate (same round and sender twice).</summary>
[GenerateSerializer, Immutable]
public sealed record NodeCounters([property: Id(0)] long Late, [property: Id(1)] long Duplicate, [property: Id(2)] int MixedRound)
{
    /// <summary>The last round the unit trained (-1 before its first); a resumed coordinator reconciles its log with it.</summary>
    [Id(3)]
    public int TrainedRound { get; init; } = -1;
}
