using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Verdant.Core.Numerics;

public sealed partial class VectorGemm
{
    // C (m x n) = alpha * a b + beta * C, where a(i, p) = a[i * ars + p * acs] and b is row-major k x n. Column panels
    // of 4, 2 then 1 vectors (each panel of b stays in L1 while every row block of a streams past it), row blocks of
    // 4 or 8, single-row tiles for the rows left over, and a scalar loop for the columns past the last full vector.
    private static unsafe void Product(int m, int n, int k, float* a, nint ars, nint acs, float* b, nint ldb,
        float* c, nint ldc, float alpha, float beta)
    {
        // Where a's rows are contiguous (a not transposed), row blocks are read one after the other. For the forward's
        // weights (m x k) they come from memory, a few KiB per row, too short for the hardware prefetcher to start in
        // time, so the Ahead tiles ask for the next block while this one's products run; for the input gradients' deltas,
        // already in cache, that asking costs little and wins nothing (docs/performance.md, "Thirteenth pass").
        bool streams = acs == 1 && Sse.IsSupported;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 64 <= n; j += 64)
            {
                Panel(m, 4, &Tile512R4V4, streams ? &Tile512R4V4Ahead : null, null, &Tile512R1V4, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta);
            }

            for (; j + 32 <= n; j += 32)
            {
                Panel(m, 8, &Tile512R8V2, streams ? &Tile512R8V2Ahead : null, null, &Tile512R1V2, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta);
            }

            for (; j + 16 <= n; j += 16)
            {
                Panel(m, 8, &Tile512R8V1, streams ? &Tile512R8V1Ahead : null, &Tile512R4V1, &Tile512R1V1, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 16 <= n; j += 16)
            {
                Panel(m, 4, &Tile256R4V2, streams ? &Tile256R4V2Ahead : null, null, &Tile256R1V2, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta);
            }

            for (; j + 8 <= n; j += 8)
            {
                Panel(m, 8, &Tile256R8V1, streams ? &Tile256R8V1Ahead : null, &Tile256R4V1, &Tile256R1V1, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta);
            }
        }

        if (j < n)
        {
            ScalarColumns(m, j, n, k, a, ars, acs, b, ldb, c, ldc, alpha, beta);
        }
    }

    // Row blocks of rowsPerTile, then (when half is given) one of rowsPerTile / 2, then single rows. The half tile serves
    // the weight gradients' last 16-column panel of the MLP's 784 inputs, which comes in blocks of 4 rows
    // (HalfGradients): four single-row tiles there took 1 % of a round (docs/performance.md, "Twelfth pass"). With an
    // ahead tile, each full block but the last runs on it, told where the next block starts; the same products, so the
    // same bits.
    private static unsafe void Panel(int m, int rowsPerTile,
        delegate*<float*, nint, nint, float*, nint, float*, nint, int, float, float, void> tile,
        delegate*<float*, nint, nint, float*, nint, float*, nint, int, float, float, float*, void> ahead,
        delegate*<float*, nint, nint, float*, nint, float*, nint, int, float, float, void> half,
        delegate*<float*, nint, nint, float*, nint, float*, nint, int, float, float, void> single,
        int k, float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, float alpha, float beta)
    {
        int i = 0;
        if (ahead != null)
        {
            for (; i + (2 * rowsPerTile) <= m; i += rowsPerTile)
            {
                ahead(a + (i * ars), ars, acs, b, ldb, c + (i * ldc), ldc, k, alpha, beta, a + ((i + rowsPerTile) * ars));
            }
        }

        for (; i + rowsPerTile <= m; i += rowsPerTile)
        {
            tile(a + (i * ars), ars, acs, b, ldb, c + (i * ldc), ldc, k, alpha, beta);
        }

        if (half != null && i + (rowsPerTile / 2) <= m)
        {
            half(a + (i * ars), ars, acs, b, ldb, c + (i * ldc), ldc, k, alpha, beta);
            i += rowsPerTile / 2;
        }

        for (; i < m; i++)
        {
            single(a + (i * ars), ars, acs, b, ldb, c + (i * ldc), ldc, k, alpha, beta);
        }
    }

    private static unsafe void ScalarColumns(int m, int from, int n, int k, float* a, nint ars, nint acs, float* b, nint ldb,
        float* c, nint ldc, float alpha, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = from; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a[(i * ars) + (p * acs)], b[(p * ldb) + j], sum);
                }

                if (alpha != 1f)
                {
                    sum *= alpha;
                }

                ref float cij = ref c[(i * ldc) + j];
                cij = beta == 0f ? sum : sum + (cij * beta);
            }
        }
    }
}
