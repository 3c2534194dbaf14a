using MathNet.Numerics.LinearAlgebra;

namespace Verdant.Core.Consensus;

/// <summary>Spectral analysis of the Metropolis matrix: dense (Math.NET) up to <see cref="DenseLimit"/> active nodes, Lanczos above.</summary>
public sealed partial class MixingMatrix
{
    /// <summary>Most active nodes for which the gap comes from a dense decomposition; above, from <see cref="Lanczos"/>.</summary>
    /// <remarks>
    /// The dense symmetric decomposition costs O(n^3) time and 8 n^2 bytes (docs/performance.md: 0.2 s at 256 nodes,
    /// 1.6 s at 512, 7.7 s at 1,000 on the loaded 2-core box, so about two hours at 10,000), while Lanczos costs
    /// O(iterations x edges): 10-40 ms for exponential graphs of 512 to 2,000 nodes. Up to this size the dense answer
    /// is affordable and exact to rounding, so every scenario in the repository keeps its published bytes.
    /// </remarks>
    public const int DenseLimit = 256;

    /// <summary>Absolute tolerance of the Lanczos eigenvalues (residual bound), above <see cref="DenseLimit"/>.</summary>
    public const double LanczosTolerance = 1e-8;

    /// <summary>Most Lanczos products per estimate; a graph whose gap is too small to resolve in that many stops there.</summary>
    public const int LanczosMaxIterations = 1000;

    /// <summary>
    /// Spectral gap 1 - max(|lambda_2|, |lambda_N|) of the matrix restricted to the active nodes; 1 for a single active node.
    /// </summary>
    /// <remarks>See <see cref="EstimateSpectrum"/> for the method and its accuracy.</remarks>
    public double SpectralGap(ReadOnlySpan<bool> active) => EstimateSpectrum(active).Gap;

    /// <summary>
    /// The eigenvalues that set the spectral gap of the matrix restricted to the active nodes, with their error bound.
    /// </summary>
    /// <remarks>
    /// The Metropolis weights of <paramref name="active"/> are recomputed in double precision, so the answer does not depend
    /// on the last <see cref="Rebuild"/>. A disconnected active subgraph has lambda_2 = 1 and gap 0 (found by a linear-time
    /// search, not by the solver); no active node or one gives gap 1. Up to <see cref="DenseLimit"/> active nodes: the dense
    /// symmetric eigen-decomposition (Math.NET). Above: Lanczos without reorthogonalization to a residual bound of
    /// <see cref="LanczosTolerance"/>, or <see cref="LanczosMaxIterations"/> products; the returned Top is then never above
    /// the true lambda_2 and Bottom never below lambda_N (Cauchy interlacing), so the reported gap is an upper bound that
    /// converges from above; <see cref="SpectralEstimate.ErrorBound"/> says how far it may still be.
    /// </remarks>
    public SpectralEstimate EstimateSpectrum(ReadOnlySpan<bool> active)
    {
        Graph.CheckMask(active, Graph.NodeCount, nameof(active));
        int count = active.Count(true);
        if (count <= 1)
        {
            return new SpectralEstimate(0, 0, 0, 0);
        }

        if (!Graph.IsConnected(active))
        {
            return new SpectralEstimate(1, 0, 0, 0);
        }

        if (count <= DenseLimit)
        {
            return DenseSpectrum(ActiveMetropolis(Graph, active));
        }

        var (offsets, columns, values) = ActiveMetropolisCsr(Graph, active);
        return Lanczos.Extremes(offsets, columns, values, LanczosTolerance, LanczosMaxIterations);
    }

    private static SpectralEstimate DenseSpectrum(Matrix<double> dense)
    {
        var sorted = dense.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).OrderByDescending(e => e).ToArray();
        return new SpectralEstimate(sorted[1], sorted[^1], 0, 0);
    }

    /// <summary>1 - max(|lambda_2|, |lambda_min|) of a symmetric stochastic matrix, clamped to [0, 1]; 1 below two rows.</summary>
    internal static double GapOf(Matrix<double> dense)
    {
        if (dense.RowCount <= 1)
        {
            return 1.0;
        }

        var eigen = dense.Evd(Symmetricity.Symmetric).EigenValues;
        var sorted = eigen.Select(e => e.Real).OrderByDescending(e => e).ToArray();
        double secondLargest = Math.Max(Math.Abs(sorted[1]), Math.Abs(sorted[^1]));
        return Math.Clamp(1.0 - secondLargest, 0.0, 1.0);
    }

    /// <summary>Dense Metropolis matrix (double) of the subgraph of <paramref name="graph"/> induced by <paramref name="active"/>.</summary>
    internal static Matrix<double> ActiveMetropolis(Graph graph, ReadOnlySpan<bool> active)
    {
        int n = graph.NodeCount;
        var degree = new int[n];
        CountActiveDegrees(graph, active, degree);
        var index = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            index[i] = active[i] ? m++ : -1;
        }

        var dense = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < n; i++)
        {
            if (index[i] < 0)
            {
                continue;
            }

            double sum = 0;
            foreach (int j in graph.Neighbors(i))
            {
                if (index[j] >= 0)
                {
                    double weight = 1.0 / (1 + Math.Max(degree[i], degree[j]));
                    dense[index[i], index[j]] = weight;
                    sum += weight;
                }
            }

            dense[index[i], index[i]] = 1.0 - sum;
        }

        return dense;
    }

    /// <summary>The same matrix as <see cref="ActiveMetropolis"/>, in CSR over the active nodes renumbered 0..m-1.</summary>
    internal static (int[] Offsets, int[] Columns, double[] Values) ActiveMetropolisCsr(Graph graph, ReadOnlySpan<bool> active)
    {
        int n = graph.NodeCount;
        var degree = new int[n];
        CountActiveDegrees(graph, active, degree);
        var index = new int[n];
        int m = 0;
        long nonZeros = 0;
        for (int i = 0; i < n; i++)
        {
            index[i] = active[i] ? m++ : -1;
            nonZeros += active[i] ? degree[i] + 1 : 0;
        }

        var offsets = new int[m + 1];
        var columns = new int[nonZeros];
        var values = new double[nonZeros];
        int slot = 0;
        for (int i = 0; i < n; i++)
        {
            if (index[i] < 0)
            {
                continue;
            }

            int diagonal = slot++;
            columns[diagonal] = index[i];
            double sum = 0;
            foreach (int j in graph.Neighbors(i))
            {
                if (index[j] >= 0)
                {
                    double weight = 1.0 / (1 + Math.Max(degree[i], degree[j]));
                    columns[slot] = index[j];
                    values[slot++] = weight;
                    sum += weight;
                }
            }

            values[diagonal] = 1.0 - sum;
            offsets[index[i] + 1] = slot;
        }

        return (offsets, columns, values);
    }
}
