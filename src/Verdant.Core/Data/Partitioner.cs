namespace Verdant.Core.Data;

/// <summary>Splits example indices over nodes; seeded, so the same seed gives the same split.</summary>
public static class Partitioner
{
    /// <summary>
    /// Returns one index array per node. Every example goes to at most one node; every node gets at least one example.
    /// </summary>
    /// <exception cref="ArgumentException">More nodes than examples, alpha not positive, too few shards.</exception>
    public static int[][] Partition(ReadOnlySpan<byte> labels, int classCount, int nodes, PartitionSpec spec, Random random)
        => throw new NotImplementedException();
}
