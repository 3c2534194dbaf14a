using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Verdant.Core.Numerics;

/// <summary>
/// Copies with non-temporal (streaming) stores, for a destination that is written whole and not read again soon: the
/// cache lines are not first read from memory (no read-for-ownership), which halves the traffic of a cold destination.
/// </summary>
internal static class StreamingStores
{
    /// <summary>destination[i] = source[i]; falls back to an ordinary copy without Vector512.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    internal static unsafe void Copy(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats, source {source.Length}.", nameof(destination));
        }

        if (!Vector512.IsHardwareAccelerated || !Sse.IsSupported)
        {
            source.CopyTo(destination);
            return;
        }

        fixed (float* s = source)
        fixed (float* d = destination)
        {
            int n = source.Length;
            int i = 0;
            // Scalar until the destination is 64-byte aligned (streaming vector stores must be).
            for (; i < n && ((nint)(d + i) & 63) != 0; i++)
            {
                d[i] = s[i];
            }

            for (; i + 16 <= n; i += 16)
            {
                Vector512.StoreAlignedNonTemporal(Vector512.Load(s + i), d + i);
            }

            for (; i < n; i++)
            {
                d[i] = s[i];
            }
        }
    }

    /// <summary>Orders the streaming stores before any later store, so another thread that synchronizes with this one sees them.</summary>
    internal static void Fence()
    {
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
    }
}
