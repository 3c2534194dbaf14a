namespace Verdant.Cluster.Contracts;

/// <summary>
/// A unit's checkpoints: the round of its last one (restored or written; -1 when none), and since its activation the
/// writes made, the bytes of state they stored (parameters and momentum) and the seconds spent writing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckpointInfo(
    [property: Id(0)] int Round,
    [property: Id(1)] int Writes,
    [property: Id(2)] long Bytes,
    [property: Id(3)] double WriteSeconds);
