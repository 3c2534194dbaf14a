namespace Verdant.Cluster.Contracts;

/// <summary>
/// A finished run as it crosses the wire: the Core result as JSON (a small contract type, so Core stays free of
/// Orleans attributes), or the error that stopped it, and the ignored-message counts summed over units.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunOutcome([property: Id(0)] byte[]? ResultJson, [property: Id(1)] string? Error,
    [property: Id(2)] long LateMessages, [property: Id(3)] long DuplicateMessages);
