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
    /// then m &lt;- mu m + g + lambda x and x &lt;- x - eta m (or x &lt;- (1 - eta lambda) x - eta g without momentum) with
    /// the same operations as Apply's <see cref="Step"/>, so the same bits; g is written to <c>g</c>, or added to it when
    /// <c>accumulate</c>, for the gradients' mean (<see cref="GradientMean"/>). |F - S|^2 and |g|^2 are
    /// summed per chunk in the lanes of 256-bit vectors (the same on AVX2 and AVX-512) and the chunks' sums in double;
    /// finiteness is checked element by element, where Apply's sum of x could also overflow on finite values.
    /// </summary>
    private unsafe ref struct UpdateSink(float* x, float* m, float* g, bool accumulate, float firstWeight, float secondWeight,
        float mu, float decay, float eta) : IHalfGradientSink
    {
        // The sums of |F - S|^2 and |g|^2 go to double once per chunk: the chunk fixes their order.
        private const int Chunk = 1024;

        private double _distance;
        private double _norm;
        private bool _finite = true;

        public void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
        {
            for (int start = 0; start < first.Length; start += Chunk)
            {
                int length = Math.Min(Chunk, first.Length - start);
                MergeAndStep(first.Slice(start, length), second.Slice(start, length), offset + start);
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

        // Merge, update, the gradients' partial and the finiteness test in one pass over x, m and g, vector by vector:
        // 2.5-4 % faster at 64-256 nodes than one pass per operation. A loop over two arrays in step is slow where they
        // start a multiple of 256 MiB apart, which is why the eighth pass walked them page by page; the momentum stack is
        // now placed off that stride (HugePages.ZeroedFloats, docs/performance.md, "Eleventh pass").
        // DecentralizedSgdHalfStepTests hold its bits to Apply's.
        private void MergeAndStep(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
        {
            float* px = x + offset, pm = m + offset, pg = g + offset;
            float negEta = -eta, shrink = 1f - (eta * decay);
            int length = first.Length;
            int i = length & ~(Lanes - 1);
            VectorTotals totals;
            fixed (float* pf = first)
            fixed (float* ps = second)
            {
                var step = new StepConstants(firstWeight, secondWeight, mu, decay, negEta, shrink);
                // The optimizer's settings pick one of eight loops, each with no test of them inside: the single loop held
                // about 35 instructions per 8 floats, a quarter of them those tests, and without them the step ran 3 %
                // faster (docs/performance.md, "Twelfth pass").
                totals = (mu > 0, decay > 0, accumulate) switch
                {
                    (true, true, true) => Vectors<Yes, Yes, Yes>(pf, ps, px, pm, pg, i, step),
                    (true, true, false) => Vectors<Yes, Yes, No>(pf, ps, px, pm, pg, i, step),
                    (true, false, true) => Vectors<Yes, No, Yes>(pf, ps, px, pm, pg, i, step),
                    (true, false, false) => Vectors<Yes, No, No>(pf, ps, px, pm, pg, i, step),
                    (false, true, true) => Vectors<No, Yes, Yes>(pf, ps, px, pm, pg, i, step),
                    (false, true, false) => Vectors<No, Yes, No>(pf, ps, px, pm, pg, i, step),
                    (false, false, true) => Vectors<No, No, Yes>(pf, ps, px, pm, pg, i, step),
                    (false, false, false) => Vectors<No, No, No>(pf, ps, px, pm, pg, i, step),
                };
            }

            float distanceTail = 0f, normTail = 0f;
            for (; i < length; i++)
            {
                float sum = (second[i] * secondWeight) + (first[i] * firstWeight);
                float difference = first[i] - second[i];
                distanceTail += difference * difference;
                normTail += sum * sum;
                float xs = px[i];
                if (mu > 0)
                {
                    float ms = (pm[i] * mu) + sum;
                    if (decay > 0)
                    {
                        ms = (xs * decay) + ms;
                    }

                    pm[i] = ms;
                    xs = (ms * negEta) + xs;
                }
                else
                {
                    if (decay > 0)
                    {
                        xs *= shrink;
                    }

                    xs = (sum * negEta) + xs;
                }

                px[i] = xs;
                pg[i] = accumulate ? pg[i] + sum : sum;
                _finite &= float.IsFinite(xs);
            }

            _finite &= Vector256.EqualsAll(totals.Good.AsInt32(), Vector256<int>.AllBitsSet);
            _distance += Vector256.Sum(totals.Distance) + distanceTail;
            _norm += Vector256.Sum(totals.Norm) + normTail;
        }

        // The first `length` floats (a multiple of 8) of MergeAndStep's chunk, with its operations in its order.
        private static VectorTotals Vectors<TMomentum, TDecay, TAccumulate>(float* pf, float* ps, float* px, float* pm, float* pg,
            nint length, StepConstants step)
            where TMomentum : struct, IFlag
            where TDecay : struct, IFlag
            where TAccumulate : struct, IFlag
        {
            Vector256<float> distance = default, norm = default;
            Vector256<float> good = Vector256<float>.AllBitsSet;
            Vector256<float> firstWeight = Vector256.Create(step.FirstWeight), secondWeight = Vector256.Create(step.SecondWeight);
            Vector256<float> mu = Vector256.Create(step.Mu), decay = Vector256.Create(step.Decay);
            Vector256<float> negEta = Vector256.Create(step.NegEta), shrink = Vector256.Create(step.Shrink);
            for (nint i = 0; i < length; i += Lanes)
            {
                Vector256<float> f = Vector256.Load(pf + i), s = Vector256.Load(ps + i);
                Vector256<float> sum = (s * secondWeight) + (f * firstWeight);
                Vector256<float> difference = f - s;
                distance = (difference * difference) + distance;
                norm = (sum * sum) + norm;
                Vector256<float> xv = Vector256.Load(px + i);
                if (TMomentum.On)
                {
                    Vector256<float> mv = (Vector256.Load(pm + i) * mu) + sum;
                    if (TDecay.On)
                    {
                        mv = (xv * decay) + mv;
                    }

                    mv.Store(pm + i);
                    xv = (mv * negEta) + xv;
                }
                else
                {
                    if (TDecay.On)
                    {
                        xv *= shrink;
                    }

                    xv = (sum * negEta) + xv;
                }

                xv.Store(px + i);
                (TAccumulate.On ? Vector256.Load(pg + i) + sum : sum).Store(pg + i);
                good &= Vector256.Equals(xv - xv, Vector256<float>.Zero);
            }

            return new VectorTotals(distance, norm, good);
        }
    }

    private const int Lanes = 8;

    private readonly record struct StepConstants(float FirstWeight, float SecondWeight, float Mu, float Decay, float NegEta, float Shrink);

    private readonly record struct VectorTotals(Vector256<float> Distance, Vector256<float> Norm, Vector256<float> Good);

    // Settings as type arguments, so that each instantiation of UpdateSink.Vectors is compiled with its tests folded away.
    private interface IFlag
    {
        static abstract bool On { get; }
    }

    private readonly struct Yes : IFlag
    {
        public static bool On => true;
    }

    private readonly struct No : IFlag
    {
        public static bool On => false;
    }
}
