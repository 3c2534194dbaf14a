namespace Verdant.Core.Consensus;

/// <summary>
/// The gradient noise scale B = tr(Sigma) / |G|^2, estimated online from the spread of the active nodes' stochastic
/// gradients: batch-b gradients g_i give |G_small|^2 = mean |g_i|^2 and the mean over n nodes gives |G_big|^2 at batch n b.
/// </summary>
/// <remarks>
/// The unbiased two-batch-size estimator of McCandlish, Kaplan and Amodei, "An Empirical Model of Large-Batch Training",
/// 2018 (Appendix A): |G|^2 = (B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small) and
/// tr(Sigma) = (|G_small|^2 - |G_big|^2) / (1/B_small - 1/B_big). Each is noisy, so numerator and denominator are smoothed
/// separately by exponential moving averages (with start-up bias correction) before the ratio is taken, as the paper advises.
/// </remarks>
public sealed class GradientNoiseScale
{
    private readonly double _decay;
    private double _trace;
    private double _norm;
    private double _weight;

    /// <summary>Creates an estimator whose averages forget with factor <paramref name="decay"/> per observation.</summary>
    public GradientNoiseScale(double decay = 0.95)
    {
        if (!(decay is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "The decay must lie in [0, 1).");
        }

        _decay = decay;
    }

    /// <summary>Observations folded in so far.</summary>
    public int Count { get; private set; }

    /// <summary>Smoothed tr(Sigma), per-example gradient variance summed over parameters (NaN before any observation).</summary>
    public double Trace => _weight > 0 ? _trace / _weight : double.NaN;

    /// <summary>Smoothed |G|^2 (NaN before any observation).</summary>
    public double SquaredGradientNorm => _weight > 0 ? _norm / _weight : double.NaN;

    /// <summary>The noise scale B in examples; NaN until measured or while |G|^2 is not positive.</summary>
    public double Estimate => _weight > 0 && _norm > 0 ? Math.Max(0, _trace) / _norm : double.NaN;

    /// <summary>Folds in one round's statistics; rounds with fewer than two nodes carry no spread and are skipped.</summary>
    public void Observe(GradientStatistics statistics)
    {
        if (statistics.Nodes < 2 || !double.IsFinite(statistics.MeanSquaredNorm) || !double.IsFinite(statistics.SquaredNormOfMean))
        {
            return;
        }

        double small = statistics.BatchSize;
        double big = statistics.Nodes * (double)statistics.BatchSize;
        double norm = ((big * statistics.SquaredNormOfMean) - (small * statistics.MeanSquaredNorm)) / (big - small);
        double trace = (statistics.MeanSquaredNorm - statistics.SquaredNormOfMean) / ((1 / small) - (1 / big));
        _norm = (_decay * _norm) + norm;
        _trace = (_decay * _trace) + trace;
        _weight = (_decay * _weight) + 1;
        Count++;
    }
}
