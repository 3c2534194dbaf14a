namespace Verdant.Core.Policies;

/// <summary>
/// Useful progress of a training round as a function of how many units take part, from the gradient noise scale.
/// </summary>
/// <remarks>
/// McCandlish, Kaplan and Amodei, "An Empirical Model of Large-Batch Training", 2018: reaching a given loss takes
/// S = S_min (1 + B / batch) optimizer steps, where B is the gradient noise scale in examples. A D-PSGD round of k units of
/// local batch b acts like one step at batch k b, so it achieves 1 / (1 + B / (k b)) of an ideal (infinite-batch) step:
/// nearly linear in k while k b is below B, saturating above it. When B has not been measured yet (NaN) it is taken as
/// <see cref="UnknownNoiseScaleBatches"/> local batches, a middle-of-the-road value for small image classifiers
/// (McCandlish 2018, Fig. 4, puts MNIST-scale B at tens to hundreds of examples).
/// </remarks>
public static class ProgressModel
{
    /// <summary>B in local batches assumed while the noise scale is unknown (B = 8 b).</summary>
    public const double UnknownNoiseScaleBatches = 8;

    /// <summary>The noise scale in examples to plan with: <paramref name="noiseScale"/>, or 8 b when it is NaN or not positive.</summary>
    public static double EffectiveNoiseScale(double noiseScale, int batchSize)
        => double.IsFinite(noiseScale) && noiseScale > 0 ? noiseScale : UnknownNoiseScaleBatches * Math.Max(1, batchSize);

    /// <summary>Fraction of an ideal step one round of <paramref name="k"/> units achieves: 1 / (1 + B / (k b)); 0 for k = 0.</summary>
    public static double RoundProgress(int k, int batchSize, double noiseScale) => RoundProgress((double)k, batchSize, noiseScale);

    /// <summary>The same for an expected (fractional) unit count, such as units expected to make a round's deadline.</summary>
    public static double RoundProgress(double k, int batchSize, double noiseScale)
    {
        if (k <= 0)
        {
            return 0;
        }

        double b = EffectiveNoiseScale(noiseScale, batchSize);
        return 1 / (1 + (b / (k * Math.Max(1, batchSize))));
    }

    /// <summary>Heterogeneity scale H = zeta^2 / |G|^2 assumed while it is unknown (NaN): shards as different as the gradient itself.</summary>
    public const double UnknownHeterogeneity = 1;

    /// <summary>
    /// Fraction of an ideal step one round of <paramref name="k"/> of <paramref name="n"/> units achieves when their data
    /// differ: 1 / (1 + B / (k b) + R H (n - k) / (k (n - 1))).
    /// </summary>
    /// <remarks>
    /// The last term is the sampling spread of the mean of k of n unit gradients of dissimilarity zeta^2 drawn without
    /// replacement, zeta^2 (n - k) / (k (n - 1)) (Li, Huang, Yang, Wang and Zhang, "On the Convergence of FedAvg on Non-IID
    /// Data", ICLR 2020, Lemma 5), relative to |G|^2, as the noise term is (McCandlish et al. 2018). A set kept for R
    /// rounds in a row (a decision epoch) errs in the same direction R times, so its spread counts R times: the error of
    /// R steps taken with one biased direction grows as R, not sqrt(R). With identical shards (H = 0) this is
    /// <see cref="RoundProgress(int, int, double)"/>.
    /// </remarks>
    public static double RoundProgress(int k, int n, int batchSize, double noiseScale, double heterogeneity, double roundsTogether)
    {
        if (k <= 0)
        {
            return 0;
        }

        double b = EffectiveNoiseScale(noiseScale, batchSize);
        double h = double.IsFinite(heterogeneity) && heterogeneity >= 0 ? heterogeneity : UnknownHeterogeneity;
        double spread = n > 1 ? Math.Max(1, roundsTogether) * h * (n - k) / (k * (double)(n - 1)) : 0;
        return 1 / (1 + (b / (k * Math.Max(1, batchSize))) + spread);
    }

    /// <summary>What the <paramref name="k"/>-th unit (1-based) adds to a round: RoundProgress(k) - RoundProgress(k - 1).</summary>
    public static double MarginalProgress(int k, int batchSize, double noiseScale)
        => RoundProgress(k, batchSize, noiseScale) - RoundProgress(k - 1, batchSize, noiseScale);

    /// <summary>
    /// Node-rounds at the reference count <paramref name="referenceUnits"/> that make the same progress as one round of
    /// <paramref name="k"/> units: k_ref x RoundProgress(k) / RoundProgress(k_ref). Equals k when k = k_ref.
    /// </summary>
    /// <remarks>Remaining work is measured in node-rounds as they were spent so far (<see cref="WorkEstimator"/>), that is at k_ref.</remarks>
    public static double NodeRoundEquivalent(double k, double referenceUnits, int batchSize, double noiseScale)
    {
        if (k <= 0)
        {
            return 0;
        }

        double perBatch = EffectiveNoiseScale(noiseScale, batchSize) / Math.Max(1, batchSize);
        double progress = 1 / (1 + (perBatch / k));
        double reference = 1 / (1 + (perBatch / referenceUnits));
        return referenceUnits * progress / reference;
    }

    /// <summary>The progress-aware unit count ceil(B / b), clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int UsefulUnits(double noiseScale, int batchSize, int min, int max)
    {
        double k = Math.Ceiling(EffectiveNoiseScale(noiseScale, batchSize) / Math.Max(1, batchSize));
        return (int)Math.Clamp(k, Math.Min(min, max), max);
    }
}
