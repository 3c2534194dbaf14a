namespace Verdant.Cluster.Contracts;

/// <summary>
/// How a unit mixes in round <paramref name="Round"/>: x &lt;- Weights[0] x + sum_k Weights[k] row(Sources[k-1]), the
/// unit's row of the Metropolis matrix of the round's survivors, in the matrix's column order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MixPlan([property: Id(0)] int Round, [property: Id(1)] int[] Sources, [property: Id(2)] float[] Weights);
