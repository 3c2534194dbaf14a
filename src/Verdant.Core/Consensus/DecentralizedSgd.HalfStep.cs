using System.Runtime.Intrinsics;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    /// <summary>
    /// Whether a last local step with halves runs through <see cref="Network.HalfBatchGradients"/> and
    /// <see cref="UpdateSink"/> where the network supports it (the default); off, both halves are written whole and
    /// <see cref="Apply"/> merges them. Parameters, momentum and gradients are bitwise the same either way; |g|^2 and the
    /// halves' distance are summed in another order, and finiteness is tested exactly instead of through sum(x). For the
    /// tests that compare the two.
    /// </summary>
    internal bool FuseHalfStep { get; set; } = true;

    // The last local step with halves, merged and applied a few rows at a time while the halves' products are in cache:
    // neither half is written out whole and read back, and x, m and g are walked once, prefetched while the next rows'
    // products run (docs/performance.md, "Eighth pass").
    private unsafe float FusedHalfStep(int node, int round, Span<float> x, Span<float> m, Span<float> g, ReadOnlySpan<int> batch,
        float eta, ModelWorkspace workspace)
    {
        int first = batch.Length / 2, total = batch.Length;
        fixed (float* px = x)
        fixed (float* pm = m)
        fixed (float* pg = g)
        {
            var sink = new UpdateSink(px, pm, pg, (float)first / total, (float)(total - first) / total, Options.Momentum,
                Options.WeightDecay, eta);
            HalfLosses losses = _network.HalfBatchGradients(x, _train, batch, first, workspace, ref sink);
            workspace.LastMeanSquaredLoss = ((first * losses.SquaredFirst) + ((total - first) * losses.SquaredSecond)) / total;
            float loss = ((first * losses.First) + ((total - first) * losses.Second)) / total;
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
    /// then m &lt;- mu m + g + lambda x and x &lt;- x - eta m (or x &lt;- (1 - eta lambda) x - eta g without momentum),
    /// element by element with the same operations (a product, then an add: never contracted), so the same bits; g is
    /// kept for the gradients' mean. |F - S|^2 and |g|^2 are summed per block in the lanes of 256-bit vectors (the same on
    /// AVX2 and AVX-512) and the blocks' sums in double. Finiteness is checked exactly: x - x is 0 for every finite x and
    /// NaN otherwise, where a sum of x could overflow on finite values.
    /// </summary>
    private unsafe ref struct UpdateSink(float* x, float* m, float* g, float firstWeight, float secondWeight, float mu,
        float decay, float eta) : IHalfGradientSink
    {
        private double _distance;
        private double _norm;
        private float _nonFinite;

        public void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
        {
            const int Lanes = 8;
            float shrink = 1f - (eta * decay), step = -eta;
            bool momentum = mu > 0, decays = decay > 0;
            Vector256<float> distance = default, norm = default, nonFinite = default;
            float distanceTail = 0f, normTail = 0f, nonFiniteTail = 0f;
            float* xp = x + offset, mp = m + offset, gp = g + offset;
            fixed (float* f = first)
            fixed (float* s = second)
            {
                int i = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; i + Lanes <= first.Length; i += Lanes)
                    {
                        Vector256<float> fv = Vector256.Load(f + i), sv = Vector256.Load(s + i);
                        Vector256<float> merged = (sv * secondWeight) + (fv * firstWeight);
                        Vector256<float> difference = fv - sv;
                        distance = (difference * difference) + distance;
                        norm = (merged * merged) + norm;
                        merged.Store(gp + i);
                        Vector256<float> xv = Vector256.Load(xp + i);
                        if (momentum)
                        {
                            Vector256<float> mv = (Vector256.Load(mp + i) * mu) + merged;
                            if (decays)
                            {
                                mv = (xv * decay) + mv;
                            }

                            mv.Store(mp + i);
                            xv = (mv * step) + xv;
                        }
                        else
                        {
                            if (decays)
                            {
                                xv *= shrink;
                            }

                            xv = (merged * step) + xv;
                        }

                        xv.Store(xp + i);
                        nonFinite += xv - xv;
                    }
                }

                for (; i < first.Length; i++)
                {
                    float merged = (s[i] * secondWeight) + (f[i] * firstWeight);
                    float difference = f[i] - s[i];
                    distanceTail += difference * difference;
                    normTail += merged * merged;
                    gp[i] = merged;
                    float xv = xp[i];
                    if (momentum)
                    {
                        float mv = (mp[i] * mu) + merged;
                        if (decays)
                        {
                            mv = (xv * decay) + mv;
                        }

                        mp[i] = mv;
                        xv = (mv * step) + xv;
                    }
                    else
                    {
                        if (decays)
                        {
                            xv *= shrink;
                        }

                        xv = (merged * step) + xv;
                    }

                    xp[i] = xv;
                    nonFiniteTail += xv - xv;
                }
            }

            _distance += Vector256.Sum(distance) + distanceTail;
            _norm += Vector256.Sum(norm) + normTail;
            _nonFinite += Vector256.Sum(nonFinite) + nonFiniteTail;
        }

        // Into L2 while the next rows' products run: x and g are always written, m only with momentum. g is written with
        // ordinary stores into prefetched lines; streaming stores measured slower here (docs/performance.md).
        public readonly void Upcoming(int offset, int count)
        {
            Prefetch.ToL2(new ReadOnlySpan<float>(x + offset, count));
            Prefetch.ToL2(new ReadOnlySpan<float>(g + offset, count));
            if (mu > 0)
            {
                Prefetch.ToL2(new ReadOnlySpan<float>(m + offset, count));
            }
        }

        public readonly (double DistanceSquared, float NormSquared, bool Finite) Totals() =>
            (_distance, (float)_norm, _nonFinite == 0f);
    }
}
