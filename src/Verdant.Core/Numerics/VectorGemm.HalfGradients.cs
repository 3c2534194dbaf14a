namespace Verdant.Core.Numerics;

public sealed partial class VectorGemm
{
    /// <summary>
    /// Rows of C per block handed to a sink: 4 rows of the MLP's first layer are 12.5 KiB per array, so the block's two
    /// halves and the sink's arrays stay in L2 while the next block's products run.
    /// </summary>
    internal const int HalfBlockRows = 4;

    // Columns per product call: one panel of the widest tile, so the next block is announced in small pieces between
    // them; a burst of hundreds of prefetches overflows the core's queue of misses and most are dropped.
    private const int PanelColumns = 64;

    /// <summary>
    /// The weight gradients of one layer for two halves of a batch, F = a1^T b1 (k1 terms) and S = a2^T b2 (k2 terms), both
    /// m x n, handed to <paramref name="sink"/> a few rows at a time (element (i, j) at offset + i n + j) instead of stored.
    /// </summary>
    /// <remarks>
    /// a1, a2 are k x m and b1, b2 are k x n, row-major with leading dimensions m and n (each half's deltas and layer
    /// inputs). Each block is formed by the tiles of <see cref="Sgemm"/>(true, false, ...) into the caller's
    /// <paramref name="halves"/>, which stays in cache, so a sink sees the bits that product writes when it runs on the
    /// tiles (<see cref="RunsOnTiles"/>); the sink hears of the next block in pieces while the products of this one run, so the
    /// memory it will touch arrives meanwhile. Allocates nothing.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="halves"/> holds fewer than 2 x <see cref="HalfBlockRows"/> x n floats.</exception>
    internal static unsafe void HalfGradients<TSink>(int m, int n, float* a1, float* b1, int k1, float* a2, float* b2, int k2,
        int offset, Span<float> halves, ref TSink sink)
        where TSink : IHalfGradientSink, allows ref struct
    {
        int block = HalfBlockRows * n;
        if (halves.Length < 2 * block)
        {
            throw new ArgumentException($"halves holds {halves.Length} floats; blocks of {HalfBlockRows} rows of {n} need {2 * block}.", nameof(halves));
        }

        int panels = (n + PanelColumns - 1) / PanelColumns;
        fixed (float* f = halves)
        {
            float* s = f + block;
            sink.Upcoming(offset, Math.Min(m, HalfBlockRows) * n);
            for (int i = 0; i < m; i += HalfBlockRows)
            {
                int rows = Math.Min(HalfBlockRows, m - i);
                int next = i + rows;
                var ahead = new Announcer(offset + (next * n), next < m ? Math.Min(HalfBlockRows, m - next) * n : 0, 2 * panels);
                for (int j = 0; j < n; j += PanelColumns)
                {
                    int width = Math.Min(PanelColumns, n - j);
                    Product(rows, width, k1, a1 + i, 1, m, b1 + j, n, f + j, n, 1f, 0f);
                    ahead.Next(ref sink);
                    Product(rows, width, k2, a2 + i, 1, m, b2 + j, n, s + j, n, 1f, 0f);
                    ahead.Next(ref sink);
                }

                sink.Take(new ReadOnlySpan<float>(f, rows * n), new ReadOnlySpan<float>(s, rows * n), offset + (i * n));
            }
        }
    }
}
