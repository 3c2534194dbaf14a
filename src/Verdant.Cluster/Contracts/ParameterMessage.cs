namespace Verdant.Cluster.Contracts;

/// <summary>Unit <paramref name="From"/>'s parameters after its local steps of round <paramref name="Round"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ParameterMessage([property: Id(0)] int Round, [property: Id(1)] int From, [property: Id(2)] float[] Parameters);
