namespace Verdant.Core.Consensus;

/// <summary>
/// The extreme eigenvalues of a symmetric stochastic matrix on the complement of its consensus vector, by the Lanczos
/// iteration; the spectral gap of large Metropolis matrices in O(iterations x non-zeros) time and O(n) memory.
/// </summary>
/// <remarks>
/// Lanczos, "An iteration method for the solution of the eigenvalue problem of linear differential and integral
/// operators", J. Res. Nat. Bur. Standards, 1950; Paige, "Accuracy and effectiveness of the Lanczos algorithm for the
/// symmetric eigenproblem", Linear Algebra Appl., 1980 (without reorthogonalization the extreme Ritz values stay accurate;
/// lost orthogonality only adds copies of converged values); Golub and Van Loan, Matrix Computations, 4th ed., 2013,
/// section 10.1 (Ritz residual bound beta_k |s_k|) and 8.4 (Sturm-sequence bisection). The matrix is symmetric with
/// W 1 = 1, so it commutes with the projection P = I - 1 1^T / n and the iteration runs on P W P: every product has its mean
/// removed, which keeps rounding from feeding the eigenvalue 1 back in. The start vector is a fixed pseudo-random vector,
/// so the answer is a deterministic function of the matrix.
/// </remarks>
internal static class Lanczos
{
    /// <summary>
    /// Largest and smallest eigenvalue of P W P restricted to 1-perp, for W given in CSR (row offsets, columns, values, n
    /// rows), with each one's residual bound; stops when both bounds are below <paramref name="tolerance"/> or after
    /// <paramref name="maxIterations"/> products.
    /// </summary>
    public static SpectralEstimate Extremes(int[] offsets, int[] columns, double[] values, double tolerance, int maxIterations)
    {
        int n = offsets.Length - 1;
        int limit = Math.Min(maxIterations, n - 1);
        var alpha = new double[limit];
        var beta = new double[limit];
        var previous = new double[n];
        var current = new double[n];
        var next = new double[n];
        StartVector(current);
        (double Top, double TopBound, double Bottom, double BottomBound) ritz = (0, double.PositiveInfinity, 0, double.PositiveInfinity);
        int k = 0;
        while (k < limit)
        {
            Multiply(offsets, columns, values, current, next);
            RemoveMean(next);
            double a = Dot(next, current);
            double b = k > 0 ? beta[k - 1] : 0;
            for (int i = 0; i < n; i++)
            {
                next[i] -= (a * current[i]) + (b * previous[i]);
            }

            alpha[k] = a;
            beta[k] = Math.Sqrt(Dot(next, next));
            k++;
            bool invariant = beta[k - 1] <= 1e-14;
            if (invariant || k % 5 == 0 || k == limit)
            {
                ritz = Ritz(alpha.AsSpan(0, k), beta.AsSpan(0, k));
                if (invariant || (ritz.TopBound <= tolerance && ritz.BottomBound <= tolerance))
                {
                    break;
                }
            }

            (previous, current, next) = (current, next, previous);
            double scale = 1 / beta[k - 1];
            for (int i = 0; i < n; i++)
            {
                current[i] *= scale;
            }
        }

        return new SpectralEstimate(ritz.Top, ritz.Bottom, Math.Max(ritz.TopBound, ritz.BottomBound), k);
    }

    // The extreme eigenvalues of the k x k tridiagonal T (alpha on the diagonal, beta beside it) and their residual bounds
    // beta_k |s_k|, s the unit eigenvector of T. An exhausted Krylov space (beta_k = 0) gives exact values.
    private static (double Top, double TopBound, double Bottom, double BottomBound) Ritz(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta)
    {
        int k = alpha.Length;
        double radius = 0;
        for (int i = 0; i < k; i++)
        {
            radius = Math.Max(radius, Math.Abs(alpha[i]) + (i > 0 ? beta[i - 1] : 0) + (i < k - 1 ? beta[i] : 0));
        }

        double top = Bisect(alpha, beta, k - 1, -radius, radius);
        double bottom = Bisect(alpha, beta, 0, -radius, radius);
        double last = beta[k - 1];
        return (top, last * Math.Abs(LastComponent(alpha, beta, top, +1)), bottom, last * Math.Abs(LastComponent(alpha, beta, bottom, -1)));
    }

    // Number of eigenvalues of T below x (Sturm sequence of the LDL^T pivots).
    private static int CountBelow(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, double x)
    {
        int count = 0;
        double d = 1;
        for (int i = 0; i < alpha.Length; i++)
        {
            double off = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
            d = alpha[i] - x - (off / d);
            if (d == 0)
            {
                d = -1e-300;
            }

            count += d < 0 ? 1 : 0;
        }

        return count;
    }

    // The eigenvalue of index `which` (0 = smallest) by bisection to machine precision.
    private static double Bisect(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, int which, double low, double high)
    {
        for (int step = 0; step < 200 && high - low > 2 * double.Epsilon; step++)
        {
            double mid = 0.5 * (low + high);
            if (mid <= low || mid >= high)
            {
                break;
            }

            if (CountBelow(alpha, beta, mid) > which)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return 0.5 * (low + high);
    }

    // Last component of the unit eigenvector of T for the extreme eigenvalue theta: two steps of inverse iteration with a
    // shift just outside the spectrum (side = +1 above the top, -1 below the bottom), where T - shift I is definite and the
    // pivot-free tridiagonal solve is stable.
    private static double LastComponent(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, double theta, int side)
    {
        int k = alpha.Length;
        double shift = theta + (side * Math.Max(1e-13, 1e-10 * Math.Abs(theta)));
        var x = new double[k];
        var d = new double[k];
        Array.Fill(x, 1.0);
        for (int sweep = 0; sweep < 2; sweep++)
        {
            d[0] = alpha[0] - shift;
            for (int i = 1; i < k; i++)
            {
                double l = beta[i - 1] / d[i - 1];
                d[i] = alpha[i] - shift - (l * beta[i - 1]);
                x[i] -= l * x[i - 1];
            }

            x[k - 1] /= d[k - 1];
            for (int i = k - 2; i >= 0; i--)
            {
                x[i] = (x[i] - (beta[i] * x[i + 1])) / d[i];
            }

            double norm = Math.Sqrt(x.Sum(v => v * v));
            for (int i = 0; i < k; i++)
            {
                x[i] /= norm;
            }
        }

        return x[k - 1];
    }

    private static void Multiply(int[] offsets, int[] columns, double[] values, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double sum = 0;
            for (int s = offsets[i]; s < offsets[i + 1]; s++)
            {
                sum += values[s] * x[columns[s]];
            }

            y[i] = sum;
        }
    }

    private static void StartVector(double[] v)
    {
        // A fixed generator: the estimate must not depend on, or disturb, any of the scenario's random streams.
        var random = new Random(20260601);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.NextDouble() - 0.5;
        }

        RemoveMean(v);
        double norm = Math.Sqrt(Dot(v, v));
        for (int i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
    }

    private static void RemoveMean(double[] v)
    {
        double mean = v.Sum() / v.Length;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] -= mean;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
