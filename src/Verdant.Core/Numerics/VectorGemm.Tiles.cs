using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verdant.Core.Numerics;

// Register tiles, unrolled by hand: one accumulator local per (row, vector) so the JIT keeps them all in registers. Each
// computes C[R rows, V vectors] = alpha * sum_p a(row, p) b[p, cols] + beta * C, accumulating p = 0 .. k-1 with one
// fused multiply-add per term, so every element's result is the same whatever tile, vector width or tail computes it.
public sealed partial class VectorGemm
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R4V4(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        Vector512<float> c01 = default;
        Vector512<float> c02 = default;
        Vector512<float> c03 = default;
        Vector512<float> c10 = default;
        Vector512<float> c11 = default;
        Vector512<float> c12 = default;
        Vector512<float> c13 = default;
        Vector512<float> c20 = default;
        Vector512<float> c21 = default;
        Vector512<float> c22 = default;
        Vector512<float> c23 = default;
        Vector512<float> c30 = default;
        Vector512<float> c31 = default;
        Vector512<float> c32 = default;
        Vector512<float> c33 = default;
        float* a0 = a;
        float* a1 = a + (1 * ars);
        float* a2 = a + (2 * ars);
        float* a3 = a + (3 * ars);
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> b2 = Vector512.Load(b + 32);
            Vector512<float> b3 = Vector512.Load(b + 48);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(s0, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(s0, b2, c02);
            c03 = Vector512.FusedMultiplyAdd(s0, b3, c03);
            Vector512<float> s1 = Vector512.Create(*a1);
            c10 = Vector512.FusedMultiplyAdd(s1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(s1, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(s1, b2, c12);
            c13 = Vector512.FusedMultiplyAdd(s1, b3, c13);
            Vector512<float> s2 = Vector512.Create(*a2);
            c20 = Vector512.FusedMultiplyAdd(s2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(s2, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(s2, b2, c22);
            c23 = Vector512.FusedMultiplyAdd(s2, b3, c23);
            Vector512<float> s3 = Vector512.Create(*a3);
            c30 = Vector512.FusedMultiplyAdd(s3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(s3, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(s3, b2, c32);
            c33 = Vector512.FusedMultiplyAdd(s3, b3, c33);
            a0 += acs;
            a1 += acs;
            a2 += acs;
            a3 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
        Store512(c01, c + (0 * ldc) + 16, alpha, beta);
        Store512(c02, c + (0 * ldc) + 32, alpha, beta);
        Store512(c03, c + (0 * ldc) + 48, alpha, beta);
        Store512(c10, c + (1 * ldc) + 0, alpha, beta);
        Store512(c11, c + (1 * ldc) + 16, alpha, beta);
        Store512(c12, c + (1 * ldc) + 32, alpha, beta);
        Store512(c13, c + (1 * ldc) + 48, alpha, beta);
        Store512(c20, c + (2 * ldc) + 0, alpha, beta);
        Store512(c21, c + (2 * ldc) + 16, alpha, beta);
        Store512(c22, c + (2 * ldc) + 32, alpha, beta);
        Store512(c23, c + (2 * ldc) + 48, alpha, beta);
        Store512(c30, c + (3 * ldc) + 0, alpha, beta);
        Store512(c31, c + (3 * ldc) + 16, alpha, beta);
        Store512(c32, c + (3 * ldc) + 32, alpha, beta);
        Store512(c33, c + (3 * ldc) + 48, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R8V2(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        Vector512<float> c01 = default;
        Vector512<float> c10 = default;
        Vector512<float> c11 = default;
        Vector512<float> c20 = default;
        Vector512<float> c21 = default;
        Vector512<float> c30 = default;
        Vector512<float> c31 = default;
        Vector512<float> c40 = default;
        Vector512<float> c41 = default;
        Vector512<float> c50 = default;
        Vector512<float> c51 = default;
        Vector512<float> c60 = default;
        Vector512<float> c61 = default;
        Vector512<float> c70 = default;
        Vector512<float> c71 = default;
        float* a0 = a;
        float* a1 = a + (1 * ars);
        float* a2 = a + (2 * ars);
        float* a3 = a + (3 * ars);
        float* a4 = a + (4 * ars);
        float* a5 = a + (5 * ars);
        float* a6 = a + (6 * ars);
        float* a7 = a + (7 * ars);
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(s0, b1, c01);
            Vector512<float> s1 = Vector512.Create(*a1);
            c10 = Vector512.FusedMultiplyAdd(s1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(s1, b1, c11);
            Vector512<float> s2 = Vector512.Create(*a2);
            c20 = Vector512.FusedMultiplyAdd(s2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(s2, b1, c21);
            Vector512<float> s3 = Vector512.Create(*a3);
            c30 = Vector512.FusedMultiplyAdd(s3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(s3, b1, c31);
            Vector512<float> s4 = Vector512.Create(*a4);
            c40 = Vector512.FusedMultiplyAdd(s4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(s4, b1, c41);
            Vector512<float> s5 = Vector512.Create(*a5);
            c50 = Vector512.FusedMultiplyAdd(s5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(s5, b1, c51);
            Vector512<float> s6 = Vector512.Create(*a6);
            c60 = Vector512.FusedMultiplyAdd(s6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(s6, b1, c61);
            Vector512<float> s7 = Vector512.Create(*a7);
            c70 = Vector512.FusedMultiplyAdd(s7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(s7, b1, c71);
            a0 += acs;
            a1 += acs;
            a2 += acs;
            a3 += acs;
            a4 += acs;
            a5 += acs;
            a6 += acs;
            a7 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
        Store512(c01, c + (0 * ldc) + 16, alpha, beta);
        Store512(c10, c + (1 * ldc) + 0, alpha, beta);
        Store512(c11, c + (1 * ldc) + 16, alpha, beta);
        Store512(c20, c + (2 * ldc) + 0, alpha, beta);
        Store512(c21, c + (2 * ldc) + 16, alpha, beta);
        Store512(c30, c + (3 * ldc) + 0, alpha, beta);
        Store512(c31, c + (3 * ldc) + 16, alpha, beta);
        Store512(c40, c + (4 * ldc) + 0, alpha, beta);
        Store512(c41, c + (4 * ldc) + 16, alpha, beta);
        Store512(c50, c + (5 * ldc) + 0, alpha, beta);
        Store512(c51, c + (5 * ldc) + 16, alpha, beta);
        Store512(c60, c + (6 * ldc) + 0, alpha, beta);
        Store512(c61, c + (6 * ldc) + 16, alpha, beta);
        Store512(c70, c + (7 * ldc) + 0, alpha, beta);
        Store512(c71, c + (7 * ldc) + 16, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R8V1(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        Vector512<float> c10 = default;
        Vector512<float> c20 = default;
        Vector512<float> c30 = default;
        Vector512<float> c40 = default;
        Vector512<float> c50 = default;
        Vector512<float> c60 = default;
        Vector512<float> c70 = default;
        float* a0 = a;
        float* a1 = a + (1 * ars);
        float* a2 = a + (2 * ars);
        float* a3 = a + (3 * ars);
        float* a4 = a + (4 * ars);
        float* a5 = a + (5 * ars);
        float* a6 = a + (6 * ars);
        float* a7 = a + (7 * ars);
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            Vector512<float> s1 = Vector512.Create(*a1);
            c10 = Vector512.FusedMultiplyAdd(s1, b0, c10);
            Vector512<float> s2 = Vector512.Create(*a2);
            c20 = Vector512.FusedMultiplyAdd(s2, b0, c20);
            Vector512<float> s3 = Vector512.Create(*a3);
            c30 = Vector512.FusedMultiplyAdd(s3, b0, c30);
            Vector512<float> s4 = Vector512.Create(*a4);
            c40 = Vector512.FusedMultiplyAdd(s4, b0, c40);
            Vector512<float> s5 = Vector512.Create(*a5);
            c50 = Vector512.FusedMultiplyAdd(s5, b0, c50);
            Vector512<float> s6 = Vector512.Create(*a6);
            c60 = Vector512.FusedMultiplyAdd(s6, b0, c60);
            Vector512<float> s7 = Vector512.Create(*a7);
            c70 = Vector512.FusedMultiplyAdd(s7, b0, c70);
            a0 += acs;
            a1 += acs;
            a2 += acs;
            a3 += acs;
            a4 += acs;
            a5 += acs;
            a6 += acs;
            a7 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
        Store512(c10, c + (1 * ldc) + 0, alpha, beta);
        Store512(c20, c + (2 * ldc) + 0, alpha, beta);
        Store512(c30, c + (3 * ldc) + 0, alpha, beta);
        Store512(c40, c + (4 * ldc) + 0, alpha, beta);
        Store512(c50, c + (5 * ldc) + 0, alpha, beta);
        Store512(c60, c + (6 * ldc) + 0, alpha, beta);
        Store512(c70, c + (7 * ldc) + 0, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R1V4(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        Vector512<float> c01 = default;
        Vector512<float> c02 = default;
        Vector512<float> c03 = default;
        float* a0 = a;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> b2 = Vector512.Load(b + 32);
            Vector512<float> b3 = Vector512.Load(b + 48);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(s0, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(s0, b2, c02);
            c03 = Vector512.FusedMultiplyAdd(s0, b3, c03);
            a0 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
        Store512(c01, c + (0 * ldc) + 16, alpha, beta);
        Store512(c02, c + (0 * ldc) + 32, alpha, beta);
        Store512(c03, c + (0 * ldc) + 48, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R1V2(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        Vector512<float> c01 = default;
        float* a0 = a;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(s0, b1, c01);
            a0 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
        Store512(c01, c + (0 * ldc) + 16, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile512R1V1(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector512<float> c00 = default;
        float* a0 = a;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> s0 = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(s0, b0, c00);
            a0 += acs;
            b += ldb;
        }

        Store512(c00, c + (0 * ldc) + 0, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store512(Vector512<float> sum, float* c, float alpha, float beta)
    {
        if (alpha != 1f)
        {
            sum *= alpha;
        }

        if (beta != 0f)
        {
            sum += Vector512.Load(c) * beta;
        }

        Vector512.Store(sum, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile256R4V2(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector256<float> c00 = default;
        Vector256<float> c01 = default;
        Vector256<float> c10 = default;
        Vector256<float> c11 = default;
        Vector256<float> c20 = default;
        Vector256<float> c21 = default;
        Vector256<float> c30 = default;
        Vector256<float> c31 = default;
        float* a0 = a;
        float* a1 = a + (1 * ars);
        float* a2 = a + (2 * ars);
        float* a3 = a + (3 * ars);
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> s0 = Vector256.Create(*a0);
            c00 = Vector256.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(s0, b1, c01);
            Vector256<float> s1 = Vector256.Create(*a1);
            c10 = Vector256.FusedMultiplyAdd(s1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(s1, b1, c11);
            Vector256<float> s2 = Vector256.Create(*a2);
            c20 = Vector256.FusedMultiplyAdd(s2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(s2, b1, c21);
            Vector256<float> s3 = Vector256.Create(*a3);
            c30 = Vector256.FusedMultiplyAdd(s3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(s3, b1, c31);
            a0 += acs;
            a1 += acs;
            a2 += acs;
            a3 += acs;
            b += ldb;
        }

        Store256(c00, c + (0 * ldc) + 0, alpha, beta);
        Store256(c01, c + (0 * ldc) + 8, alpha, beta);
        Store256(c10, c + (1 * ldc) + 0, alpha, beta);
        Store256(c11, c + (1 * ldc) + 8, alpha, beta);
        Store256(c20, c + (2 * ldc) + 0, alpha, beta);
        Store256(c21, c + (2 * ldc) + 8, alpha, beta);
        Store256(c30, c + (3 * ldc) + 0, alpha, beta);
        Store256(c31, c + (3 * ldc) + 8, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile256R8V1(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector256<float> c00 = default;
        Vector256<float> c10 = default;
        Vector256<float> c20 = default;
        Vector256<float> c30 = default;
        Vector256<float> c40 = default;
        Vector256<float> c50 = default;
        Vector256<float> c60 = default;
        Vector256<float> c70 = default;
        float* a0 = a;
        float* a1 = a + (1 * ars);
        float* a2 = a + (2 * ars);
        float* a3 = a + (3 * ars);
        float* a4 = a + (4 * ars);
        float* a5 = a + (5 * ars);
        float* a6 = a + (6 * ars);
        float* a7 = a + (7 * ars);
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> s0 = Vector256.Create(*a0);
            c00 = Vector256.FusedMultiplyAdd(s0, b0, c00);
            Vector256<float> s1 = Vector256.Create(*a1);
            c10 = Vector256.FusedMultiplyAdd(s1, b0, c10);
            Vector256<float> s2 = Vector256.Create(*a2);
            c20 = Vector256.FusedMultiplyAdd(s2, b0, c20);
            Vector256<float> s3 = Vector256.Create(*a3);
            c30 = Vector256.FusedMultiplyAdd(s3, b0, c30);
            Vector256<float> s4 = Vector256.Create(*a4);
            c40 = Vector256.FusedMultiplyAdd(s4, b0, c40);
            Vector256<float> s5 = Vector256.Create(*a5);
            c50 = Vector256.FusedMultiplyAdd(s5, b0, c50);
            Vector256<float> s6 = Vector256.Create(*a6);
            c60 = Vector256.FusedMultiplyAdd(s6, b0, c60);
            Vector256<float> s7 = Vector256.Create(*a7);
            c70 = Vector256.FusedMultiplyAdd(s7, b0, c70);
            a0 += acs;
            a1 += acs;
            a2 += acs;
            a3 += acs;
            a4 += acs;
            a5 += acs;
            a6 += acs;
            a7 += acs;
            b += ldb;
        }

        Store256(c00, c + (0 * ldc) + 0, alpha, beta);
        Store256(c10, c + (1 * ldc) + 0, alpha, beta);
        Store256(c20, c + (2 * ldc) + 0, alpha, beta);
        Store256(c30, c + (3 * ldc) + 0, alpha, beta);
        Store256(c40, c + (4 * ldc) + 0, alpha, beta);
        Store256(c50, c + (5 * ldc) + 0, alpha, beta);
        Store256(c60, c + (6 * ldc) + 0, alpha, beta);
        Store256(c70, c + (7 * ldc) + 0, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile256R1V2(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector256<float> c00 = default;
        Vector256<float> c01 = default;
        float* a0 = a;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> s0 = Vector256.Create(*a0);
            c00 = Vector256.FusedMultiplyAdd(s0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(s0, b1, c01);
            a0 += acs;
            b += ldb;
        }

        Store256(c00, c + (0 * ldc) + 0, alpha, beta);
        Store256(c01, c + (0 * ldc) + 8, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile256R1V1(float* a, nint ars, nint acs, float* b, nint ldb, float* c, nint ldc, int k, float alpha, float beta)
    {
        Vector256<float> c00 = default;
        float* a0 = a;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> s0 = Vector256.Create(*a0);
            c00 = Vector256.FusedMultiplyAdd(s0, b0, c00);
            a0 += acs;
            b += ldb;
        }

        Store256(c00, c + (0 * ldc) + 0, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store256(Vector256<float> sum, float* c, float alpha, float beta)
    {
        if (alpha != 1f)
        {
            sum *= alpha;
        }

        if (beta != 0f)
        {
            sum += Vector256.Load(c) * beta;
        }

        Vector256.Store(sum, c);
    }
}
