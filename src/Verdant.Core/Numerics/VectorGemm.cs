using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    // dst (cols x rows, leading dimension ldd) = src^T, src rows x cols with leading dimension lds: 8 x 8 blocks through
    // AVX shuffles where the CPU has them (the forward pass transposes each layer's input and output; done element by
    // element they took 4-5 % of an MLP round: docs/performance.md, "Twelfth pass"), the edges element by element.
    internal static unsafe void Transpose(float* src, nint lds, int rows, int cols, float* dst, nint ldd)
    {
        int i = 0;
        if (Avx.IsSupported)
        {
            for (; i + 8 <= rows; i += 8)
            {
                int p = 0;
                for (; p + 8 <= cols; p += 8)
                {
                    Transpose8x8(src + (i * lds) + p, lds, dst + (p * ldd) + i, ldd);
                }

                TransposeScalar(src + (i * lds), lds, 8, p, cols, dst + i, ldd);
            }
        }

        TransposeScalar(src + (i * lds), lds, rows - i, 0, cols, dst + i, ldd);
    }

    // dst[p * ldd + r] = src[r * lds + p] for r in [0, rows), p in [from, cols).
    private static unsafe void TransposeScalar(float* src, nint lds, int rows, int from, int cols, float* dst, nint ldd)
    {
        for (int r = 0; r < rows; r++)
        {
            float* row = src + (r * lds);
            for (int p = from; p < cols; p++)
            {
                dst[(p * ldd) + r] = row[p];
            }
        }
    }

    private static unsafe void Transpose8x8(float* src, nint lds, float* dst, nint ldd)
    {
        Vector256<float> r0 = Avx.LoadVector256(src), r1 = Avx.LoadVector256(src + lds);
        Vector256<float> r2 = Avx.LoadVector256(src + (2 * lds)), r3 = Avx.LoadVector256(src + (3 * lds));
        Vector256<float> r4 = Avx.LoadVector256(src + (4 * lds)), r5 = Avx.LoadVector256(src + (5 * lds));
        Vector256<float> r6 = Avx.LoadVector256(src + (6 * lds)), r7 = Avx.LoadVector256(src + (7 * lds));

        // Pairs of rows interleaved, then pairs of pairs, then the 128-bit halves swapped across.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + (2 * ldd), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + (3 * ldd), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + (4 * ldd), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + (5 * ldd), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + (6 * ldd), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + (7 * ldd), Avx.Permute2x128(u3, u7, 0x31));
    }

    // C[i, j] = alpha * t[j, i] + beta * C[i, j] for the n x m buffer t (leading dimension m).
    private static unsafe void StoreTransposed(float* t, int n, int m, float* c, nint ldc, float alpha, float beta)
    {
        if (alpha == 1f && beta == 0f)
        {
            Transpose(t, m, n, m, c, ldc);
            return;
        }

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
