using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

/// <summary>One random product through a GEMM under test and through the managed reference, on the same padded buffers.</summary>
internal static class GemmAgainstManaged
{
    /// <summary>C = alpha op(A) op(B) + beta C with random A, B and C, leading dimensions padded by <paramref name="padding"/>.</summary>
    public static (float[] Expected, float[] Actual) Run(IGemm gemm, Random random, bool transposeA, bool transposeB,
        int m, int n, int k, float alpha, float beta, int padding)
    {
        int lda = (transposeA ? m : k) + padding;
        int ldb = (transposeB ? k : n) + padding;
        int ldc = n + padding;
        float[] a = RandomBuffer(random, ((transposeA ? k : m) - 1) * lda + (transposeA ? m : k));
        float[] b = RandomBuffer(random, ((transposeB ? n : k) - 1) * ldb + (transposeB ? k : n));
        float[] expected = RandomBuffer(random, (m - 1) * ldc + n);
        float[] actual = (float[])expected.Clone();
        new ManagedGemm().Sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
        gemm.Sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, actual, ldc);
        return (expected, actual);
    }

    /// <summary>Values uniform in [-1, 1).</summary>
    public static float[] RandomBuffer(Random random, int length)
    {
        var buffer = new float[length];
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return buffer;
    }
}
