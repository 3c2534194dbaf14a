namespace Verdant.Core.Consensus;

/// <summary>
/// Sparse (CSR) Metropolis-Hastings mixing matrix on the subgraph induced by the active nodes:
/// W_ij = 1 / (1 + max(d_i, d_j)) for active neighbours i, j (degrees counted among active nodes), W_ii = 1 - sum_j W_ij,
/// and inactive rows are the identity. Symmetric and doubly stochastic for every active set (Xiao and Boyd, 2004).
/// </summary>
public sealed class MixingMatrix
{
    /// <summary>Allocates storage for every edge of <paramref name="graph"/> plus the diagonal; starts with all nodes active.</summary>
    public MixingMatrix(Graph graph) => throw new NotImplementedException();

    /// <summary>The underlying graph.</summary>
    public Graph Graph => throw new NotImplementedException();

    /// <summary>Rebuilds the weights in place for <paramref name="active"/> (length N). Allocates nothing.</summary>
    public void Rebuild(ReadOnlySpan<bool> active) => throw new NotImplementedException();

    /// <summary>Row <paramref name="node"/>'s non-zero columns (including the diagonal), in the order of <see cref="RowWeights"/>.</summary>
    public ReadOnlySpan<int> RowColumns(int node) => throw new NotImplementedException();

    /// <summary>Row <paramref name="node"/>'s non-zero weights.</summary>
    public ReadOnlySpan<float> RowWeights(int node) => throw new NotImplementedException();

    /// <summary>Dense copy (N x N, double), for tests and spectral analysis.</summary>
    public double[,] ToDense() => throw new NotImplementedException();

    /// <summary>
    /// Spectral gap 1 - max(|lambda_2|, |lambda_N|) of the matrix restricted to the active nodes (Math.NET eigenvalues);
    /// 1 for a single active node.
    /// </summary>
    public double SpectralGap(ReadOnlySpan<bool> active) => throw new NotImplementedException();
}
