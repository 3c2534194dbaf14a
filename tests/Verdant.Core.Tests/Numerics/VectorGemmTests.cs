using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class VectorGemmTests
{
    // Edges of the register tiles: rows around the 4- and 8-row blocks (12 and 13: an 8-row tile, then a 4-row one),
    // columns around 1, 2 and 4 vectors of 8 and 16 floats and the scalar tail past them, k from 1 (one term) to past a
    // vector.
    private static readonly int[] Rows = [1, 3, 4, 5, 8, 9, 12, 13, 17];
    private static readonly int[] Cols = [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100];
    private static readonly int[] Depths = [1, 16, 33];

    public static TheoryData<bool, bool, float, float, int> Cases()
    {
        var data = new TheoryData<bool, bool, float, float, int>();
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                data.Add(ta, tb, 1f, 0f, 0);
                data.Add(ta, tb, -1.5f, 0.5f, 3);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sgemm_TileEdgeShapes_MatchManaged(bool transposeA, bool transposeB, float alpha, float beta, int padding)
    {
        var random = new Random(7);
        foreach (int m in Rows)
        {
            foreach (int n in Cols)
            {
                foreach (int k in Depths)
                {
                    (float[] expected, float[] actual) = GemmAgainstManaged.Run(new VectorGemm(), random, transposeA, transposeB, m, n, k, alpha, beta, padding);
                    Tolerance.AssertClose(expected, actual, 1e-5f);
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Sgemm_ElementOnAVectorTileOrTheScalarTail_SameBits(bool transposeA, bool transposeB)
    {
        // 29 x 70: columns 0-63 fall in vector tiles and 64-69 in the scalar tail; the 16 columns from 54 on, computed
        // as their own product, all fall in one 16-column panel, whose rows come in 8-row tiles, then a 4-row one, then
        // single rows. With op(B) = B^T the product runs transposed, and the 70 rows of C^T meet the same tiles.
        const int M = 29, N = 70, K = 37, From = 54, Width = 16;
        var random = new Random(3);
        float[] a = GemmAgainstManaged.RandomBuffer(random, M * K);
        float[] b = GemmAgainstManaged.RandomBuffer(random, K * N);
        int lda = transposeA ? M : K, ldb = transposeB ? K : N;
        var full = new float[M * N];
        var part = new float[M * Width];
        var gemm = new VectorGemm();
        gemm.Sgemm(transposeA, transposeB, M, N, K, 1f, a, lda, b, ldb, 0f, full, N);
        ReadOnlySpan<float> columns = transposeB ? b.AsSpan(From * ldb) : b.AsSpan(From);
        gemm.Sgemm(transposeA, transposeB, M, Width, K, 1f, a, lda, columns, ldb, 0f, part, Width);

        for (int i = 0; i < M; i++)
        {
            Assert.Equal(full.AsSpan((i * N) + From, Width).ToArray(), part.AsSpan(i * Width, Width).ToArray());
        }
    }

    [Theory]
    [InlineData(29, 16, 37, 1f, 0f)]
    [InlineData(29, 32, 37, 1f, 0f)]
    [InlineData(29, 70, 37, 1f, 0f)]
    [InlineData(29, 24, 37, 1f, 0f)]
    [InlineData(40, 32, 784, 1f, 0f)]
    [InlineData(29, 70, 37, -1.5f, 0.5f)]
    public void Sgemm_RowsOfAStreamedAhead_SameBitsAsAReadByColumns(int m, int n, int k, float alpha, float beta)
    {
        // With A's rows contiguous (not transposed) the row blocks run on the Ahead tiles, which prefetch the next block;
        // A stored transposed runs the same products on the plain tiles. 24 columns reach the 8-row, one-vector tile on
        // the 256-bit path (a 16-column panel, then an 8-column one). Same operations, so the same bits. C starts
        // non-zero, so that a tile which scaled or read C when it should not would differ.
        var random = new Random(5);
        float[] a = GemmAgainstManaged.RandomBuffer(random, m * k);
        float[] b = GemmAgainstManaged.RandomBuffer(random, k * n);
        float[] initial = GemmAgainstManaged.RandomBuffer(random, m * n);
        var aTransposed = new float[k * m];
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < k; p++)
            {
                aTransposed[(p * m) + i] = a[(i * k) + p];
            }
        }

        float[] byRows = (float[])initial.Clone();
        float[] byColumns = (float[])initial.Clone();
        var gemm = new VectorGemm();
        gemm.Sgemm(false, false, m, n, k, alpha, a, k, b, n, beta, byRows, n);
        gemm.Sgemm(true, false, m, n, k, alpha, aTransposed, m, b, n, beta, byColumns, n);

        Assert.Equal(byColumns, byRows);
    }

    [Fact]
    public void VectorWidth_IsTheOneTheTestRunAsksFor()
    {
        // `./verdant test` runs these tests again with AVX-512, then AVX, switched off and names the width it expects: a
        // runtime that ignored the switch would test the same path twice and say nothing.
        string? expected = Environment.GetEnvironmentVariable("VERDANT_EXPECT_VECTOR_WIDTH");

        int width = VectorGemm.VectorWidth;

        if (expected is null)
        {
            Assert.Contains(width, new[] { 1, 8, 16 });
        }
        else
        {
            Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), width);
        }
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(7, 9)]
    [InlineData(8, 8)]
    [InlineData(9, 17)]
    [InlineData(16, 33)]
    [InlineData(33, 784)]
    public unsafe void Transpose_AnyShapeWithPadding_ExactlyTheTransposeAndNothingElse(int rows, int cols)
    {
        // Leading dimensions past the shape: the 8 x 8 blocks must neither read past a row nor write past a column.
        int lds = cols + 3, ldd = rows + 5;
        var random = new Random(rows + (31 * cols));
        float[] src = GemmAgainstManaged.RandomBuffer(random, Math.Max(1, rows * lds));
        float[] dst = new float[Math.Max(1, cols * ldd)];
        dst.AsSpan().Fill(float.NaN);

        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            VectorGemm.Transpose(ps, lds, rows, cols, pd, ldd);
        }

        for (int p = 0; p < cols; p++)
        {
            for (int r = 0; r < ldd; r++)
            {
                float value = dst[(p * ldd) + r];
                Assert.Equal(r < rows ? src[(r * lds) + p] : float.NaN, value);
            }
        }
    }

    [Theory]
    [InlineData(16, 32)]
    [InlineData(5, 10)]
    [InlineData(13, 40)]
    public void Sgemm_ForwardProduct_RowsHaveTheSameBitsWhateverTheRowCount(int some, int all)
    {
        // The MLP's half-batch step runs its hidden layers' forward products over the whole batch instead of half by half
        // (Network.HalfBatchGradients): that holds only while a row's bits do not depend on how many rows came with it.
        const int N = 70, K = 37;
        var random = new Random(some + all);
        float[] a = GemmAgainstManaged.RandomBuffer(random, all * K);
        float[] b = GemmAgainstManaged.RandomBuffer(random, N * K);
        var whole = new float[all * N];
        var part = new float[(all - some) * N];
        var gemm = new VectorGemm();

        gemm.Sgemm(false, true, all, N, K, 1f, a, K, b, K, 0f, whole, N);
        gemm.Sgemm(false, true, all - some, N, K, 1f, a.AsSpan(some * K), K, b, K, 0f, part, N);

        Assert.Equal(whole.AsSpan(some * N).ToArray(), part);
    }

    [Fact]
    public void Sgemm_WideProductWithWideProvider_GoesToIt()
    {
        var wide = new CountingGemm();
        var gemm = new VectorGemm(wide);
        var random = new Random(5);

        (float[] expected, float[] actual) = GemmAgainstManaged.Run(gemm, random, false, true, 65, 33, 65, 1f, 0f, 0);
        Assert.Equal(1, wide.Calls);
        GemmAgainstManaged.Run(gemm, random, false, true, 64, 33, 100, 1f, 0f, 0);
        GemmAgainstManaged.Run(gemm, random, true, false, 100, 3, 16, 1f, 0f, 0);
        Assert.Equal(1, wide.Calls);
        (float[] narrowExpected, float[] narrowActual) = GemmAgainstManaged.Run(gemm, random, false, true, 16, 10, 784, 1f, 0f, 0);

        Assert.Equal(2, wide.Calls); // a forward product with fewer than 32 outputs
        Tolerance.AssertClose(expected, actual, 1e-5f);
        Tolerance.AssertClose(narrowExpected, narrowActual, 1e-5f);
    }

    [Fact]
    public void Sgemm_BetaZero_OverwritesNaNInDestination()
    {
        float[] c = [float.NaN, float.NaN];

        new VectorGemm().Sgemm(false, false, 1, 2, 1, 1f, [2f], 1, [3f, 4f], 2, 0f, c, 2);

        Assert.Equal([6f, 8f], c);
    }

    [Fact]
    public void Sgemm_ShortBuffer_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new VectorGemm().Sgemm(false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));
        Assert.Equal("a", error.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sgemm_ForwardAfterReserveForward_AllocatesNothing(bool reserve)
    {
        // On a fresh thread (its scratch unsized): a small forward product first, so the JIT has run, then the larger one.
        long allocated = -1;
        var thread = new Thread(() =>
        {
            var gemm = new VectorGemm();
            gemm.Sgemm(false, true, 2, 3, 4, 1f, new float[8], 4, new float[12], 4, 0f, new float[6], 3);
            if (reserve)
            {
                VectorGemm.ReserveForward(rows: 16, inputs: 40, outputs: 24);
            }

            float[] a = new float[16 * 40], b = new float[24 * 40], c = new float[16 * 24];
            long before = GC.GetAllocatedBytesForCurrentThread();
            gemm.Sgemm(false, true, 16, 24, 40, 1f, a, 40, b, 40, 0f, c, 24);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();

        if (reserve)
        {
            Assert.Equal(0, allocated);
        }
        else
        {
            Assert.True(allocated > 0);
        }
    }

    private sealed class CountingGemm : IGemm
    {
        public int Calls { get; private set; }

        public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
            ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        {
            Calls++;
            new ManagedGemm().Sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
    }
}
