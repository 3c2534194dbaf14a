using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Verdant.Core.Numerics;

/// <summary>Software prefetch for the short, scattered row segments of column-blocked passes over a stack.</summary>
/// <remarks>
/// A column block touches a few KiB of each of hundreds of rows that lie about a megabyte apart; the hardware prefetcher
/// starts each such stream late, so a core waits on memory latency rather than bandwidth (one core mixed at 11 GB/s
/// where it scales a whole array in place at 45). Asking for a segment a few rows before it is read overlaps those waits.
/// </remarks>
internal static class Prefetch
{
    /// <summary>
    /// How many rows ahead of its reader a row's segment is asked for. Measured with mixing at 256 MLP nodes on the torus
    /// (docs/performance.md): 2, 8 and 16 rows ahead gave the same rate, within noise.
    /// </summary>
    public const int AheadRows = 2;

    /// <summary>
    /// Asks for every cache line of <paramref name="segment"/> to be brought into L2; a no-op where SSE is not available.
    /// Into L2 rather than L1: prefetches to L1 share the few L1 miss buffers with the loads, and measured no better than
    /// none (docs/performance.md).
    /// </summary>
    public static unsafe void ToL2(ReadOnlySpan<float> segment)
    {
        if (!Sse.IsSupported || segment.IsEmpty)
        {
            return;
        }

        // A prefetch never faults, so a pointer made stale by the array moving costs at most a wasted hint.
        byte* start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(segment));
        nint bytes = (nint)segment.Length * sizeof(float);
        for (nint b = 0; b < bytes; b += 64)
        {
            Sse.Prefetch1(start + b);
        }

        Sse.Prefetch1(start + bytes - 1);
    }
}
