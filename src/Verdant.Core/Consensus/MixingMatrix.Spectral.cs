using MathNet.Numerics.LinearAlgebra;

namespace Verdant.Core.Consensus;

/// <summary>Spectral analysis of the Metropolis matrix (dense, double precision, Math.NET).</summary>
public sealed partial class MixingMatrix
{
    /// <summary>
    /// Spectral gap 1 - max(|lambda_2|, |lambda_N|) of the matrix restricted to the active nodes (Math.NET eigenvalues);
    /// 1 for a single active node.
    /// </summary>
    /// <remarks>
    /// The Metropolis weights of <paramref name="active"/> are recomputed in double precision, so the answer does not depend
    /// on the last <see cref="Rebuild"/>. Dense symmetric eigen-decomposition, O(n^3) in the active count: an analysis
    /// tool, not for the round loop. A disconnected active subgraph has lambda_2 = 1 and gap 0; no active node gives 1.
    /// </remarks>
    public double SpectralGap(ReadOnlySpan<bool> active)
    {
        Graph.CheckMask(active, Graph.NodeCount, nameof(active));
        return GapOf(ActiveMetropolis(Graph, active));
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
}
