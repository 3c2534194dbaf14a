namespace Verdant.Cluster.Contracts;

/// <summary>
/// A parameter-sized float32 vector sent between the coordinator and the units (a gradient, a unit's parameters, the
/// rows a rejoining unit catches up from). Serialized by <see cref="FloatBlockCodec"/> as one block of bytes, not by
/// Orleans' per-element <c>float[]</c> codec.
/// </summary>
/// <remarks>Immutable by contract, like <see cref="ParameterMessage"/>: neither side writes <see cref="Values"/> once sent.</remarks>
[Immutable]
public sealed class FloatBlock
{
    /// <summary>Wraps <paramref name="values"/> without copying them.</summary>
    public FloatBlock(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The values.</summary>
    public float[] Values { get; }
}
