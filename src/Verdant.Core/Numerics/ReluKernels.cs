using System.Numerics;
using System.Numerics.Tensors;

namespace Verdant.Core.Numerics;

/// <summary>ReLU forward and backward on spans (the backward has no TensorPrimitives equivalent, hence the vector loop).</summary>
internal static class ReluKernels
{
    /// <summary>values[i] = max(values[i], 0) in place; NaN propagates (TensorPrimitives.Max semantics).</summary>
    internal static void Forward(Span<float> values) => TensorPrimitives.Max(values, 0f, values);

    /// <summary>
    /// delta[i] = activation[i] &gt; 0 ? delta[i] : 0, where activation is the ReLU output (so activation &gt; 0 exactly
    /// where the pre-activation was). A NaN activation zeroes the delta.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static void Backward(ReadOnlySpan<float> activation, Span<float> delta)
    {
        if (activation.Length != delta.Length)
        {
            throw new ArgumentException(
                $"Activation has {activation.Length} values but delta {delta.Length}.", nameof(delta));
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= activation.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var a = new Vector<float>(activation[i..]);
                var d = new Vector<float>(delta[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<float>.Zero), d, Vector<float>.Zero)
                    .CopyTo(delta[i..]);
            }
        }

        for (; i < activation.Length; i++)
        {
            delta[i] = activation[i] > 0f ? delta[i] : 0f;
        }
    }
}
