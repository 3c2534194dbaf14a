namespace Verdant.Core.Data;

/// <summary>
/// Draws mini-batches from one node's shard without replacement within an epoch (reshuffled every epoch), from its own
/// seeded generator so that nodes' streams do not depend on one another.
/// </summary>
public sealed class BatchSampler
{
    /// <summary>Creates a sampler over <paramref name="shard"/> (indices into the data set).</summary>
    public BatchSampler(int[] shard, Random random) => throw new NotImplementedException();

    /// <summary>Fills <paramref name="destination"/> with the next batch of example indices. Allocates nothing.</summary>
    public void Next(Span<int> destination) => throw new NotImplementedException();
}
