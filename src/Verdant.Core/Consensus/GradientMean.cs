using System.Numerics.Tensors;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>
/// The mean of a round's node gradients, summed in an order fixed by their count alone: the gradients, in active-list
/// order, are cut into groups of <see cref="GroupSize"/> consecutive ones, each group is summed in order into a partial of
/// its own, and the partials are summed in group order. One worker sums a whole group, so the trainer adds each node's
/// gradient while it is still in cache and never keeps N gradient rows; the bits depend neither on the worker count nor
/// on which worker took which group, and the cluster's coordinator sums its units' replies through the same type.
/// </summary>
public sealed class GradientMean
{
    // At most this many partials, so their memory and the final pass over them stay a small fraction of a round's.
    private const int MaxGroups = 64;

    // Groups of fewer nodes give the workers finer shares of a round; 4 keeps the partials at a quarter of the rows.
    private const int MinGroupSize = 4;

    private readonly float[] _partials;
    private readonly int _parameterCount;

    /// <summary>Partials for up to <paramref name="maxCount"/> gradients of <paramref name="parameterCount"/> values each.</summary>
    public GradientMean(int parameterCount, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        _parameterCount = parameterCount;
        // ceil(count / 4) groups up to 256 gradients, at most 64 beyond: never more than this for any count up to maxCount.
        _partials = new float[(long)Math.Min(MaxGroups, (maxCount + MinGroupSize - 1) / MinGroupSize) * parameterCount];
    }

    /// <summary>Gradients per group when <paramref name="count"/> are summed: at least 4, and at most 64 groups.</summary>
    public static int GroupSize(int count) => Math.Max(MinGroupSize, (count + MaxGroups - 1) / MaxGroups);

    /// <summary>Groups when <paramref name="count"/> gradients are summed.</summary>
    public static int GroupCount(int count) => (count + GroupSize(count) - 1) / GroupSize(count);

    /// <summary>
    /// Group <paramref name="group"/>'s partial (P values): a node's step writes its gradient there when it is the first of
    /// its group and adds it otherwise, in the group's order.
    /// </summary>
    public Span<float> Partial(int group) => _partials.AsSpan(group * _parameterCount, _parameterCount);

    /// <summary>Adds gradient number <paramref name="position"/> of the round (in order within its group).</summary>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> does not hold P values.</exception>
    public void Add(int position, int count, ReadOnlySpan<float> gradient)
    {
        // Checked here, not left to the copy: a short gradient first in its group would keep the partial's stale tail.
        if (gradient.Length != _parameterCount)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values, P is {_parameterCount}.", nameof(gradient));
        }

        Span<float> partial = Partial(position / GroupSize(count));
        if (position % GroupSize(count) == 0)
        {
            gradient.CopyTo(partial);
        }
        else
        {
            TensorPrimitives.Add(partial, gradient, partial);
        }
    }

    /// <summary>
    /// Columns [<paramref name="from"/>, <paramref name="to"/>) of the mean of <paramref name="count"/> gradients into
    /// <paramref name="mean"/> (to - from values): the partials summed in group order, then scaled by 1 / count. Columns
    /// are independent, so blocks of them may run on different threads.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="mean"/> does not hold to - from values.</exception>
    public void Columns(int count, int from, int to, Span<float> mean)
    {
        if (mean.Length != to - from)
        {
            throw new ArgumentException($"The destination has {mean.Length} values for columns [{from}, {to}).", nameof(mean));
        }

        int groups = GroupCount(count);
        Partial(0)[from..to].CopyTo(mean);
        for (int group = 1; group < groups; group++)
        {
            if (group + Prefetch.AheadRows < groups)
            {
                Prefetch.ToL2(Partial(group + Prefetch.AheadRows)[from..to]);
            }

            TensorPrimitives.Add(mean, Partial(group)[from..to], mean);
        }

        TensorPrimitives.Multiply(mean, 1f / count, mean);
    }
}
