using System.Numerics.Tensors;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>The mean of a round's node gradients, summed in an order fixed by their count alone.</summary>
/// <remarks>
/// The gradients, in active-list order, are cut into <see cref="GroupCount"/> runs of consecutive ones whose sizes differ
/// by at most one; each run is summed in order into a partial of its own, and the partials are summed in run order. One
/// worker sums a whole run, so the trainer adds each node's gradient while it is still in cache and never keeps N
/// gradient rows; the bits depend neither on the worker count nor on which worker took which run, and the cluster's
/// coordinator sums its units' replies through the same type.
/// </remarks>
public sealed class GradientMean
{
    // At most this many partials, so their memory and the final pass over them stay a small fraction of a round's.
    private const int MaxGroups = 64;

    // Groups come in multiples of 4 of equal size (to one node), so 1, 2 or 4 workers claiming them get equal shares;
    // 4 per 64 gradients keeps the partials few where every gradient would otherwise be written and read back
    // (docs/performance.md, "Ninth pass").
    private const int GroupsPer64 = 4;

    private readonly float[] _partials;
    private readonly int _parameterCount;

    /// <summary>Partials for up to <paramref name="maxCount"/> gradients of <paramref name="parameterCount"/> values each.</summary>
    public GradientMean(int parameterCount, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        _parameterCount = parameterCount;
        // GroupCount grows with the count, so this many partials serve every count up to maxCount.
        _partials = new float[(long)GroupCount(maxCount) * parameterCount];
    }

    /// <summary>
    /// Groups when <paramref name="count"/> gradients are summed: 4 per started 64 gradients, never more than the count
    /// nor more than 64.
    /// </summary>
    public static int GroupCount(int count) => Math.Min(Math.Min(count, MaxGroups), GroupsPer64 * ((count + 63) / 64));

    /// <summary>
    /// Position of the first gradient of group <paramref name="group"/> (or, for group = <see cref="GroupCount"/>, the
    /// count): the first count mod groups groups hold one gradient more than the others.
    /// </summary>
    public static int GroupStart(int count, int group)
    {
        int groups = GroupCount(count);
        return (group * (count / groups)) + Math.Min(group, count % groups);
    }

    /// <summary>
    /// Group <paramref name="group"/>'s partial (P values): a node's step writes its gradient there when it is the first of
    /// its group and adds it otherwise, in the group's order.
    /// </summary>
    internal Span<float> Partial(int group) => _partials.AsSpan(group * _parameterCount, _parameterCount);

    /// <summary>Adds gradient number <paramref name="position"/> of the round (in order within its group).</summary>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> does not hold P values.</exception>
    public void Add(int position, int count, ReadOnlySpan<float> gradient)
    {
        // Checked here, not left to the copy: a short gradient first in its group would keep the partial's stale tail.
        if (gradient.Length != _parameterCount)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values, P is {_parameterCount}.", nameof(gradient));
        }

        int groups = GroupCount(count), size = count / groups, longer = count % groups;
        int group = position < longer * (size + 1) ? position / (size + 1) : longer + ((position - (longer * (size + 1))) / size);
        Into(Partial(group), gradient, first: position == GroupStart(count, group));
    }

    /// <summary>
    /// A gradient (or a block of one) into its group's partial: written by the group's first node, added by the others.
    /// The one place of that rule, for <see cref="Add"/> and the trainer, whose workers add while the gradient is in
    /// cache; both must give the same bits.
    /// </summary>
    internal static void Into(Span<float> partial, ReadOnlySpan<float> gradient, bool first)
    {
        if (first)
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
