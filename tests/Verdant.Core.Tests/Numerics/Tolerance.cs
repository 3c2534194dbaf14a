namespace Verdant.Core.Tests.Numerics;

/// <summary>Named float comparisons for kernel tests.</summary>
internal static class Tolerance
{
    /// <summary>Asserts |expected - actual| &lt;= relative * (1 + |expected|) element by element.</summary>
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float bound = relative * (1f + MathF.Abs(expected[i]));
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= bound,
                $"Element {i}: expected {expected[i]}, got {actual[i]} (bound {bound}).");
        }
    }
}
