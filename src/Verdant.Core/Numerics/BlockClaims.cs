namespace Verdant.Core.Numerics;

/// <summary>
/// Hands out the block indices [0, count) of one parallel pass to the workers of a <see cref="WorkerPool"/>, each exactly
/// once: even-numbered workers take the next block from the front, odd-numbered ones the next from the back, until the two
/// ends meet.
/// </summary>
/// <remarks>
/// Two workers that mix neighbouring column blocks of the parameter stack read the same few hundred scattered row
/// segments side by side and slow each other down in memory; from opposite ends one gossip step over 64 MLP nodes took
/// 2.74-2.85 ms against 3.32-3.78 ms (docs/performance.md, "Twelfth pass"). The order of the blocks does not change what
/// any block computes. Thread-safe; <see cref="Reset"/> between passes, not during one. Allocates nothing.
/// </remarks>
public sealed class BlockClaims
{
    private int _count;
    private int _claimed;
    private int _front;
    private int _back;

    /// <summary>Starts a pass over <paramref name="count"/> blocks.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void Reset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
        _claimed = 0;
        _front = -1;
        _back = count;
    }

    /// <summary>The next block for worker <paramref name="worker"/>, or false once every block has been handed out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="worker"/> is negative.</exception>
    public bool TryClaim(int worker, out int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        // Counting the claims first bounds the two ends together: front and back hand out count indices between them, so
        // they never hand out the same one.
        if (Interlocked.Increment(ref _claimed) > _count)
        {
            block = -1;
            return false;
        }

        block = worker % 2 == 0 ? Interlocked.Increment(ref _front) : Interlocked.Decrement(ref _back);
        return true;
    }
}
