namespace Verdant.Core.Numerics;

/// <summary><see cref="IGemm"/> through <c>cblas_sgemm</c> of Debian's OpenBLAS (package libopenblas0-pthread).</summary>
public sealed class OpenBlasGemm : IGemm
{
    /// <summary>Loads OpenBLAS, or throws <see cref="NativeLibraryMissingException"/> naming the Debian package to install.</summary>
    /// <param name="threads">OpenBLAS threads per call; 1 when the caller parallelizes over nodes.</param>
    public static OpenBlasGemm Create(int threads = 1) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => throw new NotImplementedException();
}
