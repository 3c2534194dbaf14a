using System.Numerics.Tensors;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    /// <summary>
    /// A unit that wakes up replaces its stale parameters by the mean of <paramref name="sources"/> (its neighbours that
    /// kept training) and clears its momentum, so that it does not drag the consensus back toward where it left off.
    /// No-op when there is no source. The cost of the download is the caller's to charge.
    /// </summary>
    public void CatchUp(int node, ReadOnlySpan<int> sources)
    {
        if (sources.IsEmpty)
        {
            return;
        }

        Span<float> x = Parameters.Row(node);
        x.Clear();
        foreach (int j in sources)
        {
            TensorPrimitives.Add(x, Parameters.ReadRow(j), x);
        }

        TensorPrimitives.Multiply(x, 1f / sources.Length, x);
        Momentum.Row(node).Clear();
    }

    // After the mixing run, which has filled _meanGradient block by block (GradientMean.Columns).
    private GradientStatistics MeasureGradients()
    {
        double meanSquared = 0, within = 0;
        for (int a = 0; a < _activeCount; a++)
        {
            int node = _activeList[a];
            meanSquared += _gradientNormsSquared[node];
            within += _withinTrace[node];
        }

        return new GradientStatistics(_activeCount, Options.BatchSize, meanSquared / _activeCount,
            TensorPrimitives.Dot(_meanGradient, _meanGradient))
        {
            WithinTrace = Options.BatchSize >= 2 ? within / _activeCount : double.NaN,
        };
    }

    // Chunk length of the fused update: x, m and g chunks (48 KiB) stay in L1/L2 across the few passes of a chunk, so each
    // array is streamed from memory once per step instead of once per pass (docs/performance.md).
    private const int UpdateChunk = 4096;

    // g is left as the pure loss gradient (weight decay folded into the update) so that the gradient-noise statistics
    // see what the data says, not the regularizer. Returns |g|^2 (when asked) and sum(x) for the finiteness check.
    // With a merge, g (the first half's gradient) first becomes (first / total) g + (second / total) half, chunk by
    // chunk: the same element-wise operations as two whole-array passes, so the same bits, with g and half read once
    // instead of three times.
    private (float NormSquared, float Sum) Apply(Span<float> x, Span<float> m, Span<float> g, HalfMerge merge, float eta, bool measure)
    {
        float decay = Options.WeightDecay, mu = Options.Momentum;
        float norm = 0, sum = 0;
        for (int start = 0; start < x.Length; start += UpdateChunk)
        {
            int length = Math.Min(UpdateChunk, x.Length - start);
            Span<float> xc = x.Slice(start, length), mc = m.Slice(start, length), gc = g.Slice(start, length);
            if (!merge.Half.IsEmpty)
            {
                TensorPrimitives.Multiply(gc, (float)merge.First / merge.Total, gc);
                TensorPrimitives.MultiplyAdd(merge.Half.Slice(start, length), (float)(merge.Total - merge.First) / merge.Total, gc, gc);
            }

            if (measure)
            {
                norm += TensorPrimitives.Dot(gc, gc);
            }

            Step(xc, mc, gc, mu, decay, eta);
            if (measure)
            {
                sum += TensorPrimitives.Sum(xc);
            }
        }

        return (norm, sum);
    }

    // One chunk of the update. The fused half-batch step (UpdateSink.MergeAndStep) writes the same operations again in
    // one vector loop with the halves' merge: every product then add, never fused, in this order, or their parameters
    // and momentum stop being bitwise equal (DecentralizedSgdHalfStepTests, four optimizer settings, odd batches).
    private static void Step(Span<float> x, Span<float> m, ReadOnlySpan<float> g, float mu, float decay, float eta)
    {
        if (mu > 0)
        {
            // m <- mu m + g + lambda x ; x <- x - eta m
            TensorPrimitives.MultiplyAdd(m, mu, g, m);
            if (decay > 0)
            {
                TensorPrimitives.MultiplyAdd(x, decay, m, m);
            }

            TensorPrimitives.MultiplyAdd(m, -eta, x, x);
        }
        else
        {
            // x <- (1 - eta lambda) x - eta g
            if (decay > 0)
            {
                TensorPrimitives.Multiply(x, 1f - (eta * decay), x);
            }

            TensorPrimitives.MultiplyAdd(g, -eta, x, x);
        }
    }

    /// <summary>The second half's gradient and the halves' sizes, for <see cref="Apply"/>; default when there are no halves.</summary>
    private readonly ref struct HalfMerge(ReadOnlySpan<float> half, int first, int total)
    {
        public ReadOnlySpan<float> Half { get; } = half;

        public int First { get; } = first;

        public int Total { get; } = total;
    }
}
