namespace Verdant.Core.Simulation;

/// <summary>Spread of the local models' test accuracy: mean, minimum and 10th percentile (nearest rank).</summary>
/// <remarks>
/// Above <see cref="ExactLimit"/> participants the three are estimated from a uniform sample of that many (without
/// replacement, fixed seed): the mean then has a standard error of at most 0.5 / sqrt(256) = 0.031 (an accuracy lies in
/// [0, 1]; in practice sigma / 16 with sigma the spread of local accuracies), P10 is the sample's nearest-rank 10th
/// percentile, and Min is the sample's minimum, an upper bound on the participants' true minimum.
/// </remarks>
public sealed record LocalAccuracy(double Mean, double Min, double P10)
{
    /// <summary>Most participants evaluated one by one; each costs a pass over the test set.</summary>
    public const int ExactLimit = 256;

    /// <summary>How many local models were evaluated (all participants up to <see cref="ExactLimit"/>).</summary>
    public int Evaluated { get; init; }

    /// <summary>Whether the numbers come from a sample of the participants.</summary>
    public bool Sampled { get; init; }
}
