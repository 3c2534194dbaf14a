namespace Verdant.Core.Numerics;

/// <summary>Single-precision general matrix product on row-major buffers: C = alpha op(A) op(B) + beta C.</summary>
/// <remarks>Two implementations: <see cref="OpenBlasGemm"/> (production) and <see cref="ManagedGemm"/> (reference for tests).</remarks>
public interface IGemm
{
    /// <summary>
    /// destination C (m x n, leading dimension ldc) = alpha * op(A) * op(B) + beta * C, where op(A) is m x k and op(B) is k x n,
    /// all row-major. NaN propagates as in IEEE arithmetic.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer is shorter than its dimensions require.</exception>
    void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);
}
