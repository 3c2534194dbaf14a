using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class GemmTests
{
    private static readonly (int M, int N, int K)[] Shapes = [(1, 1, 1), (7, 1, 33), (33, 7, 1), (7, 33, 7), (33, 33, 33)];
    private static readonly (float Alpha, float Beta)[] Scalars = [(1f, 0f), (0.5f, -2f), (-1.5f, 1f)];

    public static TheoryData<bool, bool, int, int, int, float, float, int> Cases()
    {
        var data = new TheoryData<bool, bool, int, int, int, float, float, int>();
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                foreach (var (m, n, k) in Shapes)
                {
                    foreach (var (alpha, beta) in Scalars)
                    {
                        data.Add(ta, tb, m, n, k, alpha, beta, 0);
                        data.Add(ta, tb, m, n, k, alpha, beta, 3);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OpenBlas_AnyTransposeShapeAndPadding_MatchesManaged(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha, float beta, int padding)
    {
        var random = new Random(m * 1000 + n * 10 + k);

        (float[] expected, float[] actual) = GemmAgainstManaged.Run(OpenBlasGemm.Create(), random, transposeA, transposeB,
            m, n, k, alpha, beta, padding);

        Tolerance.AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void Managed_TwoByTwo_MatchesHandProduct()
    {
        float[] a = [1, 2, 3, 4];
        float[] b = [5, 6, 7, 8];
        float[] c = [1, 1, 1, 1];

        new ManagedGemm().Sgemm(false, false, 2, 2, 2, 2f, a, 2, b, 2, 10f, c, 2);

        Assert.Equal([48f, 54f, 96f, 110f], c);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgemm_BetaZero_OverwritesNaNInDestination(bool native)
    {
        IGemm gemm = native ? OpenBlasGemm.Create() : new ManagedGemm();
        float[] c = [float.NaN, float.NaN];

        gemm.Sgemm(false, false, 1, 2, 1, 1f, [2f], 1, [3f, 4f], 2, 0f, c, 2);

        Assert.Equal([6f, 8f], c);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgemm_ShortBuffer_ThrowsArgumentException(bool native)
    {
        IGemm gemm = native ? OpenBlasGemm.Create() : new ManagedGemm();
        var a = new float[3 * 4];
        var b = new float[4 * 5];
        var c = new float[(2 * 6) + 4];

        var error = Assert.Throws<ArgumentException>(() => gemm.Sgemm(false, false, 3, 5, 4, 1f, a, 4, b, 5, 0f, c, 6));

        Assert.StartsWith("Buffer c holds 16 floats; a 3 x 5 matrix with leading dimension 6 needs 17.", error.Message);
        Assert.Equal("c", error.ParamName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgemm_LeadingDimensionBelowWidth_ThrowsArgumentException(bool native)
    {
        IGemm gemm = native ? OpenBlasGemm.Create() : new ManagedGemm();

        var error = Assert.Throws<ArgumentException>(
            () => gemm.Sgemm(true, false, 3, 2, 2, 1f, new float[100], 2, new float[100], 2, 0f, new float[100], 2));

        Assert.StartsWith("Leading dimension 2 of a is smaller than its 3 columns.", error.Message);
    }

    [Fact]
    public void Load_MissingLibrary_ThrowsOneLineNamingThePackage()
    {
        var error = Assert.Throws<NativeLibraryMissingException>(() => NativeMethods.Load("libverdant-absent.so.0"));

        Assert.Equal(
            "OpenBLAS could not be loaded (libverdant-absent.so.0): install the Debian package libopenblas0-pthread",
            error.Message);
    }

    [Fact]
    public void Create_OneThread_SetsOpenBlasThreadCount()
    {
        // Only 1 is asserted: the setting is process-wide and other tests call OpenBLAS concurrently.
        OpenBlasGemm.Create(1);

        Assert.Equal(1, OpenBlasGemm.Threads);
    }

    [Fact]
    public void Create_ZeroThreads_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => OpenBlasGemm.Create(0));
}
