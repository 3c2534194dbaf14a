namespace Verdant.Core.Numerics;

/// <summary>Reference <see cref="IGemm"/> in plain C#: slow, obviously correct, used by tests to check OpenBLAS.</summary>
/// <remarks>
/// Each dot product accumulates in double, so the reference is at least as accurate as any float BLAS and test
/// tolerances only have to cover the BLAS side. As in BLAS, beta = 0 overwrites C without reading it (NaN in C is not
/// propagated); alpha = 0 still reads A and B.
/// </remarks>
public sealed class ManagedGemm : IGemm
{
    /// <inheritdoc />
    public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmArguments.Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float aip = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    float bpj = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += (double)aip * bpj;
                }

                ref float cij = ref c[(i * ldc) + j];
                double scaled = alpha * sum;
                cij = beta == 0f ? (float)scaled : (float)(scaled + ((double)beta * cij));
            }
        }
    }
}
