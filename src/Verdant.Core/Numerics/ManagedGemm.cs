namespace Verdant.Core.Numerics;

/// <summary>Reference <see cref="IGemm"/> in plain C#: slow, obviously correct, used by tests to check OpenBLAS.</summary>
public sealed class ManagedGemm : IGemm
{
    /// <inheritdoc />
    public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => throw new NotImplementedException();
}
