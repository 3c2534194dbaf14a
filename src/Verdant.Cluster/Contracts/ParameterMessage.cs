namespace Verdant.Cluster.Contracts;

/// <summary>Unit <paramref name="From"/>'s parameters after its local steps of round <paramref name="Round"/>.</summary>
/// <remarks>Serialized by <see cref="ParameterMessageCodec"/> (one block copy of the floats), not by a generated codec.</remarks>
[Immutable]
public sealed record ParameterMessage(int Round, int From, float[] Parameters);
