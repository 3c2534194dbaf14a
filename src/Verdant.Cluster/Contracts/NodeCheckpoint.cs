using System.Runtime.InteropServices;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// A unit's state as of the end of round <see cref="Round"/> (after its mix): what a fresh activation needs to continue
/// exactly where the unit was. Float arrays are kept as their raw little-endian bytes, so every serializer writes each as
/// one blob (Orleans' codec for a float[] writes element by element).
/// </summary>
[GenerateSerializer]
public sealed class NodeCheckpoint
{
    /// <summary>The last round the unit had mixed when the checkpoint was taken.</summary>
    [Id(0)]
    public int Round { get; set; } = -1;

    /// <summary>Parameters x_i, P floats as bytes.</summary>
    [Id(1)]
    public byte[] Parameters { get; set; } = [];

    /// <summary>Momentum buffer m_i, P floats as bytes.</summary>
    [Id(2)]
    public byte[] Momentum { get; set; } = [];

    /// <summary>Epochs the unit's batch sampler had completed.</summary>
    [Id(3)]
    public long SamplerEpochs { get; set; }

    /// <summary>Examples of the current epoch the sampler had drawn.</summary>
    [Id(4)]
    public int SamplerPosition { get; set; }

    /// <summary>Late parameter messages ignored so far.</summary>
    [Id(5)]
    public long Late { get; set; }

    /// <summary>Duplicate parameter messages ignored so far.</summary>
    [Id(6)]
    public long Duplicate { get; set; }

    /// <summary>The bytes of <paramref name="values"/>, for <see cref="Parameters"/> and <see cref="Momentum"/>.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> values) => MemoryMarshal.AsBytes(values).ToArray();

    /// <summary>Writes the floats stored in <paramref name="bytes"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ (a checkpoint of another model).</exception>
    public static void CopyTo(byte[] bytes, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != destination.Length * sizeof(float))
        {
            throw new ArgumentException($"checkpoint holds {bytes.Length / sizeof(float)} floats, the model has {destination.Length}", nameof(bytes));
        }

        MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
    }
}
