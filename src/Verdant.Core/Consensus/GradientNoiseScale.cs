namespace Verdant.Core.Consensus;

/// <summary>
/// The gradient noise scale B = tr(Sigma) / |G|^2, with the noise measured at a common point, and, as its own statistic,
/// the between-node heterogeneity scale H = zeta^2 / |G|^2.
/// </summary>
/// <remarks>
/// Noise: each node splits its last local batch into two halves and takes both gradients at its own parameters, so
/// tr(Sigma_i) = |g_A - g_B|^2 / (1/b_A + 1/b_B) sees sampling noise only, not the other nodes' different parameters and
/// shards (<see cref="GradientStatistics.WithinTrace"/>). With n nodes of batch b and g-bar their mean gradient,
/// |G|^2 = |g-bar|^2 - tr(Sigma) / (n b) (the noise left in the mean removed). B = tr(Sigma) / |G|^2 in examples, as in
/// McCandlish, Kaplan and Amodei, "An Empirical Model of Large-Batch Training", 2018.
/// Heterogeneity: zeta^2 = (1/n) sum |G_i - G-bar|^2, the gradient dissimilarity of Lian et al. (NeurIPS 2017) and
/// Koloskova et al. (ICML 2020), estimated as mean |g_i|^2 - |g-bar|^2 - ((n - 1) / n) tr(Sigma) / b; it counts shards
/// that disagree (and parameters that drifted apart), which the noise no longer does. Without half-batch measurements
/// (batch of one) the noise falls back to the two-batch-size estimator across nodes (McCandlish et al. 2018, App. A),
/// which mixes in heterogeneity. Numerators and denominators are smoothed separately by exponential moving averages
/// before the ratios are taken, as the paper advises.
/// </remarks>
public sealed class GradientNoiseScale
{
    private readonly double _decay;
    private double _trace;
    private double _norm;
    private double _weight;
    private double _heterogeneity;
    private double _heterogeneityNorm;
    private double _heterogeneityWeight;

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

    /// <summary>Smoothed zeta^2, the between-node gradient dissimilarity (NaN until two nodes were measured together).</summary>
    public double Heterogeneity => _heterogeneityWeight > 0 ? _heterogeneity / _heterogeneityWeight : double.NaN;

    /// <summary>
    /// Between-node heterogeneity relative to the common gradient, zeta^2 / |G|^2 (dimensionless; 0 for identical shards);
    /// NaN until measured.
    /// </summary>
    public double HeterogeneityScale => _heterogeneityWeight > 0 && _heterogeneityNorm > 0
        ? Math.Max(0, _heterogeneity) / _heterogeneityNorm
        : double.NaN;

    /// <summary>
    /// Folds in one round's statistics. With half-batch measurements any node count works; without, rounds with fewer
    /// than two nodes carry no spread and are skipped.
    /// </summary>
    public void Observe(GradientStatistics statistics)
    {
        if (statistics.Nodes < 1 || !double.IsFinite(statistics.MeanSquaredNorm) || !double.IsFinite(statistics.SquaredNormOfMean))
        {
            return;
        }

        if (double.IsFinite(statistics.WithinTrace))
        {
            ObserveAtCommonPoint(statistics);
            return;
        }

        if (statistics.Nodes < 2)
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

    private void ObserveAtCommonPoint(GradientStatistics statistics)
    {
        int n = statistics.Nodes;
        double b = statistics.BatchSize;
        double trace = statistics.WithinTrace;
        double norm = statistics.SquaredNormOfMean - (trace / (n * b));
        _norm = (_decay * _norm) + norm;
        _trace = (_decay * _trace) + trace;
        _weight = (_decay * _weight) + 1;
        Count++;
        if (n >= 2)
        {
            double spread = statistics.MeanSquaredNorm - statistics.SquaredNormOfMean;
            double zeta = spread - ((n - 1.0) / n * trace / b);
            _heterogeneity = (_decay * _heterogeneity) + zeta;
            _heterogeneityNorm = (_decay * _heterogeneityNorm) + norm;
            _heterogeneityWeight = (_decay * _heterogeneityWeight) + 1;
        }
    }
}
