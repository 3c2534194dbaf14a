namespace Verdant.Core.Numerics;

/// <summary>
/// Takes the two half-batch gradients of parameters block by block as <see cref="VectorGemm.HalfGradients"/> forms them, so
/// that a caller can merge, measure and apply them while they are in cache instead of writing both halves out whole and
/// reading them back from memory.
/// </summary>
/// <remarks>Two implementations: the trainer's momentum update and a recording sink in the tests.</remarks>
internal interface IHalfGradientSink
{
    /// <summary>The halves' gradients of parameters [<paramref name="offset"/>, <paramref name="offset"/> + first.Length).</summary>
    void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset);

    /// <summary>A hint: parameters [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>) are the next block to be taken.</summary>
    void Upcoming(int offset, int count);
}
