namespace Verdant.Core.Data;

/// <summary>
/// Draws mini-batches from one node's shard without replacement within an epoch (reshuffled every epoch), from its own
/// seeded generator so that nodes' streams do not depend on one another.
/// </summary>
/// <remarks>
/// A batch that runs past the end of an epoch takes its remaining indices from the next, freshly shuffled epoch, so
/// every index appears exactly once per epoch whatever the batch size. Not thread-safe: one sampler per node.
/// </remarks>
public sealed class BatchSampler
{
    private readonly int[] _order;
    private readonly Random _random;
    private int _position;

    /// <summary>Creates a sampler over <paramref name="shard"/> (indices into the data set).</summary>
    /// <exception cref="ArgumentException">The shard is empty.</exception>
    public BatchSampler(int[] shard, Random random)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(random);
        if (shard.Length == 0)
        {
            throw new ArgumentException("A batch sampler needs a non-empty shard.", nameof(shard));
        }

        _order = (int[])shard.Clone();
        _random = random;
        _random.Shuffle(_order);
    }

    /// <summary>Number of examples in the shard (one epoch).</summary>
    public int ShardSize => _order.Length;

    /// <summary>Epochs completed so far (a reshuffle happens at each).</summary>
    public long CompletedEpochs { get; private set; }

    /// <summary>Fills <paramref name="destination"/> with the next batch of example indices. Allocates nothing.</summary>
    public void Next(Span<int> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _order.Length)
            {
                _random.Shuffle(_order);
                _position = 0;
                CompletedEpochs++;
            }

            int n = Math.Min(destination.Length, _order.Length - _position);
            _order.AsSpan(_position, n).CopyTo(destination);
            _position += n;
            destination = destination[n..];
        }
    }
}
