using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class VectorGemmHalfGradientsTests
{
    [Theory]
    [InlineData(256, 784, 16, 16)]
    [InlineData(10, 37, 3, 5)]
    [InlineData(9, 130, 16, 1)]
    [InlineData(1, 16, 1, 2)]
    [InlineData(7, 5, 3, 4)]
    [InlineData(6, 72, 2, 3)]
    public void HalfGradients_HandsOverEachElementOnce_WithTheBitsOfTwoTransposedProducts(int m, int n, int k1, int k2)
    {
        // The deltas (k x m) and layer inputs (k x n) of two halves, as the backward pass holds them; the block sits at an
        // offset inside a longer parameter row, as a layer's weights do.
        const int Offset = 5;
        var random = new Random(m + n + k1);
        float[] a1 = GemmAgainstManaged.RandomBuffer(random, k1 * m), b1 = GemmAgainstManaged.RandomBuffer(random, k1 * n);
        float[] a2 = GemmAgainstManaged.RandomBuffer(random, k2 * m), b2 = GemmAgainstManaged.RandomBuffer(random, k2 * n);
        var expectedFirst = new float[m * n];
        var expectedSecond = new float[m * n];
        var gemm = new VectorGemm();
        gemm.Sgemm(true, false, m, n, k1, 1f, a1, m, b1, n, 0f, expectedFirst, n);
        gemm.Sgemm(true, false, m, n, k2, 1f, a2, m, b2, n, 0f, expectedSecond, n);
        var sink = new RecordingHalfSink(Offset + (m * n) + 3);

        Run(m, n, a1, b1, k1, a2, b2, k2, Offset, sink);

        Assert.Equal(expectedFirst, sink.First.AsSpan(Offset, m * n).ToArray());
        Assert.Equal(expectedSecond, sink.Second.AsSpan(Offset, m * n).ToArray());
        Assert.All(sink.Taken.AsSpan(Offset, m * n).ToArray(), count => Assert.Equal(1, count));
        Assert.Equal(0, sink.Taken.Take(Offset).Sum() + sink.Taken.Skip(Offset + (m * n)).Sum());
        Assert.Equal(0, sink.TakenBeforeAnnounced);
        Assert.DoesNotContain(true, sink.Announced.Take(Offset).Concat(sink.Announced.Skip(Offset + (m * n))));
    }

    [Fact]
    public void HalfGradients_ShortBlockBuffer_Throws()
    {
        var sink = new RecordingHalfSink(40);

        var ex = Assert.Throws<ArgumentException>(() => RunWithBuffer(2, 10, new float[79], sink));

        Assert.Equal("halves holds 79 floats; blocks of 4 rows of 10 need 80. (Parameter 'halves')", ex.Message);
    }

    private static unsafe void RunWithBuffer(int m, int n, float[] halves, RecordingHalfSink sink)
    {
        var a = new float[m];
        var b = new float[n];
        fixed (float* pa = a, pb = b)
        {
            VectorGemm.HalfGradients(m, n, pa, pb, 1, pa, pb, 1, 0, halves, ref sink);
        }
    }

    private static unsafe void Run(int m, int n, float[] a1, float[] b1, int k1, float[] a2, float[] b2, int k2, int offset,
        RecordingHalfSink sink)
    {
        fixed (float* pa1 = a1, pb1 = b1, pa2 = a2, pb2 = b2)
        {
            VectorGemm.HalfGradients(m, n, pa1, pb1, k1, pa2, pb2, k2, offset, new float[2 * VectorGemm.HalfBlockRows * n], ref sink);
        }
    }
}
