namespace Verdant.Core.Numerics;

/// <summary><see cref="IGemm"/> through <c>cblas_sgemm</c> of Debian's OpenBLAS (package libopenblas0-pthread).</summary>
/// <remarks>
/// Stateless and safe to call from many threads at once. The thread count is a process-wide OpenBLAS setting: the
/// last <see cref="Create"/> wins. Arguments are validated in managed code before the call, because OpenBLAS reports
/// bad arguments by printing to stderr rather than failing.
/// </remarks>
public sealed class OpenBlasGemm : IGemm
{
    private OpenBlasGemm()
    {
    }

    /// <summary>Loads OpenBLAS, or throws <see cref="NativeLibraryMissingException"/> naming the Debian package to install.</summary>
    /// <param name="threads">OpenBLAS threads per call; 1 when the caller parallelizes over nodes.</param>
    public static OpenBlasGemm Create(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        NativeMethods.EnsureLoaded();
        NativeMethods.OpenBlasSetNumThreads(threads);
        return new OpenBlasGemm();
    }

    /// <summary>The process-wide OpenBLAS thread count currently in effect.</summary>
    public static int Threads
    {
        get
        {
            NativeMethods.EnsureLoaded();
            return NativeMethods.OpenBlasGetNumThreads();
        }
    }

    /// <inheritdoc />
    public unsafe void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmArguments.Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            NativeMethods.CblasSgemm(NativeMethods.CblasRowMajor,
                transposeA ? NativeMethods.CblasTrans : NativeMethods.CblasNoTrans,
                transposeB ? NativeMethods.CblasTrans : NativeMethods.CblasNoTrans,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }
}
