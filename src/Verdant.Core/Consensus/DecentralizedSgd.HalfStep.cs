using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    /// <summary>
    /// Whether a last local step with halves runs through <see cref="Network.HalfBatchGradients"/> and
    /// <see cref="UpdateSink"/> where the network supports it (the default); off, both halves are written whole and
    /// <see cref="Apply"/> merges them. Parameters, momentum and gradients are bitwise the same either way (but for a node
    /// whose loss is not finite: the fused step has updated its x and m when it throws, the other path has not); |g|^2
    /// and the halves' distance are summed in another order, and finiteness is tested exactly instead of through sum(x).
    /// For the tests that compare the two.
    /// </summary>
    internal bool FuseHalfStep { get; set; } = true;

    // The last local step with halves, merged and applied a few rows at a time while the halves' products are in cache:
    // neither half is written out whole and read back, and x, m and g are walked once, prefetched while the next rows'
    // products run (docs/performance.md, "Eighth pass").
    // The merged gradient is written to g, or added to it when accumulate (GradientMean's partial of the node's group).
    private unsafe float FusedHalfStep(int node, int round, Span<float> x, Span<float> m, Span<float> g, bool accumulate,
        ReadOnlySpan<int> batch, float eta, ModelWorkspace workspace)
    {
        int first = batch.Length / 2, total = batch.Length;
        fixed (float* px = x)
        fixed (float* pm = m)
        fixed (float* pg = g)
        {
            var sink = new UpdateSink(px, pm, pg, accumulate, (float)first / total, (float)(total - first) / total,
                Options.Momentum, Options.WeightDecay, eta);
            HalfLosses losses = _network.HalfBatchGradients(x, _train, batch, first, workspace, ref sink);
            workspace.LastMeanSquaredLoss = losses.SquaredLoss(first, total);
            float loss = losses.Loss(first, total);
            if (!float.IsFinite(loss))
            {
                throw new DivergenceException(round, node, $"loss is {loss}");
            }

            (double distanceSquared, float normSquared, bool finite) = sink.Totals();
            _withinTrace[node] = GradientStatistics.HalfBatchTrace(distanceSquared, first, total - first);
            _gradientNormsSquared[node] = normSquared;
            if (!finite)
            {
                throw new DivergenceException(round, node, "a parameter is not finite");
            }

            return loss;
        }
    }

    /// <summary>
    /// The update of <see cref="Apply"/> for a block of half-batch gradient pairs: g = (first/total) F + (second/total) S,
    /// then m &lt;- mu m + g + lambda x and x &lt;- x - eta m (or x &lt;- (1 - eta lambda) x - eta g without momentum) through
    /// Apply's own <see cref="Step"/>, so the same bits; g is written to <c>g</c>, or added to it when
    /// <c>accumulate</c>, for the gradients' mean (<see cref="GradientMean"/>). |F - S|^2 and |g|^2 are
    /// summed per chunk in the lanes of 256-bit vectors (the same on AVX2 and AVX-512) and the chunks' sums in double;
    /// finiteness is checked element by element, where Apply's sum of x could also overflow on finite values.
    /// </summary>
    private unsafe ref struct UpdateSink(float* x, float* m, float* g, bool accumulate, float firstWeight, float secondWeight,
        float mu, float decay, float eta) : IHalfGradientSink
    {
        // The update walks m, then x, then g a page at a time, as Apply's passes do. One loop interleaving the three
        // arrays vector by vector ran 5 % faster at 64 nodes but twice as slow at 128 and 256, where the stacks lie a
        // multiple of 128 MiB apart (docs/performance.md, "Eighth pass").
        private const int Chunk = 1024;

        private double _distance;
        private double _norm;
        private bool _finite = true;

        public void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
        {
            Span<float> merged = stackalloc float[Chunk];
            for (int start = 0; start < first.Length; start += Chunk)
            {
                int length = Math.Min(Chunk, first.Length - start);
                Merge(first.Slice(start, length), second.Slice(start, length), merged[..length]);
                Update(merged[..length], offset + start);
            }
        }

        // Into L2 while the next rows' products run: x and g are always written (g also read when added to), m only with
        // momentum. g is written with ordinary stores into prefetched lines; streaming stores measured slower here
        // (docs/performance.md).
        public readonly void Upcoming(int offset, int count)
        {
            Prefetch.ToL2(new ReadOnlySpan<float>(x + offset, count));
            Prefetch.ToL2(new ReadOnlySpan<float>(g + offset, count));
            if (mu > 0)
            {
                Prefetch.ToL2(new ReadOnlySpan<float>(m + offset, count));
            }
        }

        public readonly (double DistanceSquared, float NormSquared, bool Finite) Totals() => (_distance, (float)_norm, _finite);

        private void Merge(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, scoped Span<float> merged)
        {
            const int Lanes = 8;
            Vector256<float> distance = default, norm = default;
            float distanceTail = 0f, normTail = 0f;
            int i = 0;
            for (; i + Lanes <= first.Length; i += Lanes)
            {
                Vector256<float> f = Vector256.Create(first.Slice(i, Lanes)), s = Vector256.Create(second.Slice(i, Lanes));
                Vector256<float> sum = (s * secondWeight) + (f * firstWeight);
                Vector256<float> difference = f - s;
                distance = (difference * difference) + distance;
                norm = (sum * sum) + norm;
                sum.CopyTo(merged.Slice(i, Lanes));
            }

            for (; i < first.Length; i++)
            {
                float sum = (second[i] * secondWeight) + (first[i] * firstWeight);
                float difference = first[i] - second[i];
                distanceTail += difference * difference;
                normTail += sum * sum;
                merged[i] = sum;
            }

            _distance += Vector256.Sum(distance) + distanceTail;
            _norm += Vector256.Sum(norm) + normTail;
        }

        private void Update(scoped ReadOnlySpan<float> merged, int offset)
        {
            var xs = new Span<float>(x + offset, merged.Length);
            Step(xs, new Span<float>(m + offset, merged.Length), merged, mu, decay, eta);
            GradientMean.Into(new Span<float>(g + offset, merged.Length), merged, first: !accumulate);

            _finite &= TensorPrimitives.IsFiniteAll<float>(xs);
        }
    }
}
