namespace Verdant.Core.Consensus;

/// <summary>
/// The second-largest and smallest eigenvalue of a Metropolis matrix (its eigenvalues other than the consensus eigenvalue
/// 1), how sure they are, and the spectral gap they give.
/// </summary>
/// <param name="Top">Largest eigenvalue on the complement of the consensus vector (lambda_2).</param>
/// <param name="Bottom">Smallest eigenvalue (lambda_N).</param>
/// <param name="ErrorBound">
/// Residual bound: each of Top and Bottom lies within this distance of an eigenvalue; 0 for the dense decomposition.
/// </param>
/// <param name="Iterations">Lanczos matrix products spent; 0 for the dense decomposition.</param>
public sealed record SpectralEstimate(double Top, double Bottom, double ErrorBound, int Iterations)
{
    /// <summary>Spectral gap 1 - max(|lambda_2|, |lambda_N|), clamped to [0, 1].</summary>
    public double Gap => Math.Clamp(1.0 - Math.Max(Math.Abs(Top), Math.Abs(Bottom)), 0.0, 1.0);

    /// <summary>Whether an iterative solver computed it (else a dense decomposition, exact to rounding).</summary>
    public bool Iterative => Iterations > 0;
}
