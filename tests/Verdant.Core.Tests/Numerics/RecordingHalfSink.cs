using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

/// <summary>
/// Keeps every pair a <see cref="VectorGemm.HalfGradients"/> caller hands over, counts how often each parameter is taken,
/// and checks that each was announced (<see cref="IHalfGradientSink.Upcoming"/>) before it was taken.
/// </summary>
internal sealed class RecordingHalfSink(int length) : IHalfGradientSink
{
    public float[] First { get; } = new float[length];

    public float[] Second { get; } = new float[length];

    public int[] Taken { get; } = new int[length];

    public bool[] Announced { get; } = new bool[length];

    public int TakenBeforeAnnounced { get; private set; }

    public void Take(scoped ReadOnlySpan<float> first, scoped ReadOnlySpan<float> second, int offset)
    {
        for (int i = 0; i < first.Length; i++)
        {
            First[offset + i] = first[i];
            Second[offset + i] = second[i];
            Taken[offset + i]++;
            TakenBeforeAnnounced += Announced[offset + i] ? 0 : 1;
        }
    }

    public void Upcoming(int offset, int count)
    {
        // Out of range would be a hint past the block: Announced throws on it.
        for (int i = 0; i < count; i++)
        {
            Announced[offset + i] = true;
        }
    }
}
