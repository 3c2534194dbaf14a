using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verdant.Core.Consensus;

/// <summary>The fused block kernel of <see cref="MixColumns"/>: each row's weighted sum is kept in registers.</summary>
public static partial class Gossip
{
    // Rows with more non-zero neighbours than this take the TensorPrimitives path (the offsets live on the stack).
    private const int MaxFusedNeighbours = 128;


    /// <summary>
    /// destination[c] = w_ii x[i, from + c] + sum_k w_ik x[j_k, from + c] for c in [0, width), accumulated in vector
    /// registers (Vector512 or Vector256, whichever the CPU accelerates, else scalar) over the neighbours in CSR order.
    /// </summary>
    /// <remarks>
    /// Each neighbour segment is read once and the destination written once, where the TensorPrimitives form reads and
    /// writes the destination once per neighbour. Every element sees the same IEEE operations in the same order (a product,
    /// then an add; .NET never contracts them into an FMA), so the result is bitwise that of <see cref="MixOneBlock"/>.
    /// </remarks>
    internal static void MixOneBlockFused(MixingMatrix w, ReadOnlySpan<float> data, int cols, int fromCol, int width, int i,
        Span<float> destination)
    {
        var columns = w.RowColumns(i);
        var weights = w.RowWeights(i);
        int diagonal = w.DiagonalSlot(i);
        if (columns.Length > MaxFusedNeighbours + 1)
        {
            MixOneBlock(w, data, cols, fromCol, width, i, destination);
            return;
        }

        Span<nint> offsets = stackalloc nint[columns.Length];
        Span<float> factors = stackalloc float[columns.Length];
        int count = 0;
        for (int k = 0; k < columns.Length; k++)
        {
            if (k != diagonal && weights[k] != 0f)
            {
                offsets[count] = ((nint)columns[k] * cols) + fromCol;
                factors[count++] = weights[k];
            }
        }

        ref float x = ref MemoryMarshal.GetReference(data);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        nint self = ((nint)i * cols) + fromCol;
        int c = Vector512.IsHardwareAccelerated
            ? Fused512(ref x, ref dst, self, weights[diagonal], offsets[..count], factors[..count], width)
            : Vector256.IsHardwareAccelerated
                ? Fused256(ref x, ref dst, self, weights[diagonal], offsets[..count], factors[..count], width)
                : 0;
        for (; c < width; c++)
        {
            float sum = Unsafe.Add(ref x, self + c) * weights[diagonal];
            for (int k = 0; k < count; k++)
            {
                sum = (Unsafe.Add(ref x, offsets[k] + c) * factors[k]) + sum;
            }

            Unsafe.Add(ref dst, c) = sum;
        }
    }

    // Columns done in vectors of 16, four at a time (one cache line per neighbour and vector); returns the first column left.
    private static int Fused512(ref float x, ref float dst, nint self, float selfWeight, ReadOnlySpan<nint> offsets,
        ReadOnlySpan<float> factors, int width)
    {
        const int Lanes = 16;
        var ws = Vector512.Create(selfWeight);
        int c = 0;
        for (; c + (4 * Lanes) <= width; c += 4 * Lanes)
        {
            nint at = self + c;
            var s0 = Vector512.LoadUnsafe(ref x, (nuint)at) * ws;
            var s1 = Vector512.LoadUnsafe(ref x, (nuint)(at + Lanes)) * ws;
            var s2 = Vector512.LoadUnsafe(ref x, (nuint)(at + (2 * Lanes))) * ws;
            var s3 = Vector512.LoadUnsafe(ref x, (nuint)(at + (3 * Lanes))) * ws;
            for (int k = 0; k < offsets.Length; k++)
            {
                var f = Vector512.Create(factors[k]);
                nint o = offsets[k] + c;
                s0 = (Vector512.LoadUnsafe(ref x, (nuint)o) * f) + s0;
                s1 = (Vector512.LoadUnsafe(ref x, (nuint)(o + Lanes)) * f) + s1;
                s2 = (Vector512.LoadUnsafe(ref x, (nuint)(o + (2 * Lanes))) * f) + s2;
                s3 = (Vector512.LoadUnsafe(ref x, (nuint)(o + (3 * Lanes))) * f) + s3;
            }

            s0.StoreUnsafe(ref dst, (nuint)c);
            s1.StoreUnsafe(ref dst, (nuint)(c + Lanes));
            s2.StoreUnsafe(ref dst, (nuint)(c + (2 * Lanes)));
            s3.StoreUnsafe(ref dst, (nuint)(c + (3 * Lanes)));
        }

        for (; c + Lanes <= width; c += Lanes)
        {
            var s = Vector512.LoadUnsafe(ref x, (nuint)(self + c)) * ws;
            for (int k = 0; k < offsets.Length; k++)
            {
                s = (Vector512.LoadUnsafe(ref x, (nuint)(offsets[k] + c)) * Vector512.Create(factors[k])) + s;
            }

            s.StoreUnsafe(ref dst, (nuint)c);
        }

        return c;
    }

    private static int Fused256(ref float x, ref float dst, nint self, float selfWeight, ReadOnlySpan<nint> offsets,
        ReadOnlySpan<float> factors, int width)
    {
        const int Lanes = 8;
        var ws = Vector256.Create(selfWeight);
        int c = 0;
        for (; c + (4 * Lanes) <= width; c += 4 * Lanes)
        {
            nint at = self + c;
            var s0 = Vector256.LoadUnsafe(ref x, (nuint)at) * ws;
            var s1 = Vector256.LoadUnsafe(ref x, (nuint)(at + Lanes)) * ws;
            var s2 = Vector256.LoadUnsafe(ref x, (nuint)(at + (2 * Lanes))) * ws;
            var s3 = Vector256.LoadUnsafe(ref x, (nuint)(at + (3 * Lanes))) * ws;
            for (int k = 0; k < offsets.Length; k++)
            {
                var f = Vector256.Create(factors[k]);
                nint o = offsets[k] + c;
                s0 = (Vector256.LoadUnsafe(ref x, (nuint)o) * f) + s0;
                s1 = (Vector256.LoadUnsafe(ref x, (nuint)(o + Lanes)) * f) + s1;
                s2 = (Vector256.LoadUnsafe(ref x, (nuint)(o + (2 * Lanes))) * f) + s2;
                s3 = (Vector256.LoadUnsafe(ref x, (nuint)(o + (3 * Lanes))) * f) + s3;
            }

            s0.StoreUnsafe(ref dst, (nuint)c);
            s1.StoreUnsafe(ref dst, (nuint)(c + Lanes));
            s2.StoreUnsafe(ref dst, (nuint)(c + (2 * Lanes)));
            s3.StoreUnsafe(ref dst, (nuint)(c + (3 * Lanes)));
        }

        for (; c + Lanes <= width; c += Lanes)
        {
            var s = Vector256.LoadUnsafe(ref x, (nuint)(self + c)) * ws;
            for (int k = 0; k < offsets.Length; k++)
            {
                s = (Vector256.LoadUnsafe(ref x, (nuint)(offsets[k] + c)) * Vector256.Create(factors[k])) + s;
            }

            s.StoreUnsafe(ref dst, (nuint)c);
        }

        return c;
    }
}
