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

    /// <summary>Examples of the current epoch already drawn (equal to <see cref="ShardSize"/> while the next reshuffle is pending).</summary>
    public int Position => _position;

    /// <summary>
    /// Brings a fresh sampler (made with the same shard and a generator of the same seed) to the state of one that had
    /// completed <paramref name="completedEpochs"/> epochs and drawn <paramref name="position"/> examples of the next:
    /// the generator's state is not serializable, so the epoch shuffles are replayed (one <c>Random.Next</c> per example
    /// per epoch). The batches drawn afterwards equal the original sampler's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sampler has already drawn.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a position past the shard.</exception>
    public void Restore(long completedEpochs, int position)
    {
        if (CompletedEpochs != 0 || _position != 0)
        {
            throw new InvalidOperationException("Only a sampler that has not drawn yet can be restored.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(completedEpochs);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, _order.Length);
        for (long e = 0; e < completedEpochs; e++)
        {
            _random.Shuffle(_order);
        }

        CompletedEpochs = completedEpochs;
        _position = position;
    }

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
