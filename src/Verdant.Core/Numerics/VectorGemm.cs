using System.Runtime.Intrinsics;

namespace Verdant.Core.Numerics;

/// <summary>
/// <see cref="IGemm"/> in C# with register-blocked Vector512 or Vector256 tiles (chosen at run time), for the small
/// products of batch-sized training where OpenBLAS spends much of its time packing panels and clearing C.
/// </summary>
/// <remarks>
/// The tile scheme is the outer-product micro-kernel of Goto and van de Geijn, "Anatomy of High-Performance Matrix
/// Multiplication" (ACM TOMS 2008): a block of C lives in registers while one operand is broadcast element by element
/// and the other is loaded a vector at a time. Nothing is packed when op(B) is row-major (the NN and TN products of the
/// backward pass); for op(B) = B^T (the forward pass, B = the weights) the small A is transposed into a per-thread buffer
/// and C^T = B A^T is computed instead, so the weights are still read in place. Each element of C is
/// alpha * (p-ordered fused multiply-add sum) + beta * C, identical on every path, so results do not depend on the vector
/// width or on where a tile edge falls, but they differ from OpenBLAS in the last bits (another summation order).
/// Stateless apart from per-thread scratch that grows to the largest product seen; safe to call from many threads.
/// </remarks>
public sealed partial class VectorGemm : IGemm
{
    // A product is thin when its batch side (m) or its summed side (k) is at most this: then one operand's panel stays in
    // L1/L2 and the tiles beat OpenBLAS (docs/performance.md). Wider products (evaluation at batch 1000) reuse
    // panels across blocks of C, which these unblocked tiles do not, so they go to the wide provider when there is one.
    private const int ThinLimit = 64;

    // A forward product (op(B) = B^T) transposes the m x k input once and reuses it for each of the n output rows; with
    // few outputs (logistic regression's 10 classes, the MLP's last layer) the transpose costs as much as the product
    // and OpenBLAS is faster (logreg training 35-40 % slower through the tiles: docs/performance.md).
    private const int NarrowLimit = 32;

    private readonly IGemm? _wide;

    /// <summary>
    /// Tiles for every product, or, when <paramref name="wide"/> is given, only for thin ones (m or k at most 64) that are
    /// not forward products with fewer than 32 outputs.
    /// </summary>
    public VectorGemm(IGemm? wide = null)
    {
        _wide = wide;
    }

    /// <summary>Whether <see cref="Sgemm"/> runs this product on the tiles rather than handing it to the wide provider.</summary>
    internal bool RunsOnTiles(bool transposeB, int m, int n, int k) =>
        _wide is null || !((m > ThinLimit && k > ThinLimit) || (transposeB && n < NarrowLimit));

    [ThreadStatic]
    private static float[]? t_packed;

    [ThreadStatic]
    private static float[]? t_transposed;

    /// <summary>The vector width in floats this machine's tiles use (16, 8, or 1 for the scalar path).</summary>
    public static int VectorWidth => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;

    /// <inheritdoc />
    public unsafe void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (_wide is not null && !RunsOnTiles(transposeB, m, n, k))
        {
            _wide.Sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        GemmArguments.Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            if (!transposeB)
            {
                // C = op(A) B: broadcast op(A)[i, p], vectors along B's rows.
                Product(m, n, k, pa, transposeA ? 1 : lda, transposeA ? lda : 1, pb, ldb, pc, ldc, alpha, beta);
                return;
            }

            // C^T (n x m) = B op(A)^T: broadcast B[j, p] (row-major n x k), vectors along op(A)^T's rows (k x m).
            float* at = pa;
            nint ldat = lda;
            float[] packed = Scratch(ref t_packed, (long)k * m);
            float[] transposed = Scratch(ref t_transposed, (long)n * m);
            fixed (float* pp = packed)
            fixed (float* pt = transposed)
            {
                if (!transposeA)
                {
                    Transpose(pa, lda, m, k, pp, m);
                    at = pp;
                    ldat = m;
                }

                Product(n, m, k, pb, ldb, 1, at, ldat, pt, m, 1f, 0f);
                StoreTransposed(pt, n, m, pc, ldc, alpha, beta);
            }
        }
    }

    /// <summary>
    /// Grows the calling thread's scratch to what forward products (op(B) = B^T) of up to <paramref name="rows"/> rows,
    /// <paramref name="inputs"/> summed terms and <paramref name="outputs"/> outputs need, so that a thread's first such
    /// product does not allocate inside a round that is meant to allocate nothing.
    /// </summary>
    internal static void ReserveForward(int rows, int inputs, int outputs)
    {
        Scratch(ref t_packed, (long)inputs * rows);
        Scratch(ref t_transposed, (long)outputs * rows);
    }

    private static float[] Scratch(ref float[]? buffer, long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new float[checked((int)Math.Max(length, 1))];
        }

        return buffer;
    }

    // dst (cols x rows, leading dimension ldd) = src^T, src rows x cols with leading dimension lds.
    private static unsafe void Transpose(float* src, nint lds, int rows, int cols, float* dst, nint ldd)
    {
        for (int i = 0; i < rows; i++)
        {
            float* row = src + (i * lds);
            for (int p = 0; p < cols; p++)
            {
                dst[(p * ldd) + i] = row[p];
            }
        }
    }

    // C[i, j] = alpha * t[j, i] + beta * C[i, j] for the n x m buffer t (leading dimension m).
    private static unsafe void StoreTransposed(float* t, int n, int m, float* c, nint ldc, float alpha, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            float* row = c + (i * ldc);
            for (int j = 0; j < n; j++)
            {
                float sum = t[(j * m) + i];
                if (alpha != 1f)
                {
                    sum *= alpha;
                }

                row[j] = beta == 0f ? sum : sum + (row[j] * beta);
            }
        }
    }
}
