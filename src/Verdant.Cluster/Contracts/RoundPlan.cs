namespace Verdant.Cluster.Contracts;

/// <summary>A unit's part of round <paramref name="Round"/>: train, then send the parameters to <paramref name="Neighbours"/> (unit indices).</summary>
[GenerateSerializer, Immutable]
public sealed record RoundPlan([property: Id(0)] int Round, [property: Id(1)] int[] Neighbours, [property: Id(2)] bool ReturnGradient);
