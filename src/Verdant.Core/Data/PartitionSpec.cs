namespace Verdant.Core.Data;

/// <summary>A partition rule: <paramref name="Kind"/>, Dirichlet concentration <paramref name="Alpha"/>, shards per node.</summary>
public sealed record PartitionSpec(PartitionKind Kind, double Alpha = 0.5, int ShardsPerNode = 2);
