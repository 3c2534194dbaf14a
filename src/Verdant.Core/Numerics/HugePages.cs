using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verdant.Core.Numerics;

/// <summary>
/// Large zeroed float arrays whose interior Linux backs with 2 MiB transparent huge pages where the kernel allows it
/// (<c>madvise(MADV_HUGEPAGE)</c> before the first write); elsewhere, or for small arrays, a plain array.
/// </summary>
/// <remarks>
/// The stacks are streamed row after row and, when mixing, in short segments of hundreds of rows a megabyte apart: with
/// 4 KiB pages nearly every segment is a TLB miss and a page walk. Where the kernel is set to
/// <c>transparent_hugepage=madvise</c>, as on the machines measured here, the stacks get huge pages only with this hint.
/// The array is pinned (on the pinned object heap) so the advised range stays the array's. The advice is only a hint:
/// where it is refused the array is an ordinary one, and where the runtime reused memory it had to zero, the kernel's
/// khugepaged may back it later (docs/performance.md, "Tenth pass").
/// </remarks>
internal static class HugePages
{
    /// <summary>Arrays below this many bytes are not worth a 2 MiB page.</summary>
    internal const long MinBytes = 8L << 20;

    private const nint HugePageBytes = 2 << 20;

    /// <summary>
    /// Two arrays whose starts are this far apart, or a multiple of it, give their same-index elements addresses
    /// that the memory system of the machines measured here does not tell apart: a loop that reads and writes both
    /// element by element ran at 8.7 GB/s instead of 44 with the arrays 256, 512, 768 or 1,024 MiB apart, and at full
    /// speed 128, 192, 384 MiB or 256 MiB + 4 KiB apart (docs/performance.md, "Eleventh pass").
    /// </summary>
    internal const long ConflictStrideBytes = 256L << 20;

    /// <summary>How near a multiple of <see cref="ConflictStrideBytes"/> counts as one: 64 bytes off was still slow, 4 KiB off was not.</summary>
    internal const long ConflictGuardBytes = 64L << 10;

    /// <summary>Allocations tried by <see cref="PlaceApart"/>: the runtime places large pinned arrays at a few MiB of granularity, so one more nearly always lands elsewhere.</summary>
    internal const int MaxPlacements = 8;

    /// <summary>
    /// A zeroed float array of <paramref name="length"/> elements; given <paramref name="apartFrom"/>, one whose start is
    /// not near a multiple of <see cref="ConflictStrideBytes"/> away from that array's, for two stacks a loop walks in step
    /// (the parameters and the momentum), as far as a few placements allow.
    /// </summary>
    /// <remarks><paramref name="apartFrom"/> is only heeded when it is large enough to be one of these pinned arrays, which never move.</remarks>
    internal static float[] ZeroedFloats(long length, float[]? apartFrom = null)
    {
        if (length * sizeof(float) < MinBytes || !OperatingSystem.IsLinux())
        {
            return new float[length];
        }

        if (apartFrom is null || apartFrom.LongLength * sizeof(float) < MinBytes)
        {
            return Advised(length);
        }

        nint other = Start(apartFrom);
        return PlaceApart(() => Advised(length), array => Conflict(Start(array), other));
    }

    /// <summary>
    /// The first of up to <see cref="MaxPlacements"/> allocations that does not conflict (else the last), each rejected
    /// one held until then so that the allocator cannot hand the same range back. Nothing writes a rejected array (fresh
    /// pages stay unbacked; only reused ones are zeroed), and the next full collection frees it.
    /// </summary>
    internal static T PlaceApart<T>(Func<T> allocate, Func<T, bool> conflicts)
        where T : class
    {
        T item = allocate();
        List<T>? rejected = null;
        for (int placement = 1; placement < MaxPlacements && conflicts(item); placement++)
        {
            (rejected ??= []).Add(item);
            item = allocate();
        }

        GC.KeepAlive(rejected);
        return item;
    }

    /// <summary>Whether starts <paramref name="a"/> and <paramref name="b"/> lie within the guard of a multiple of the conflict stride apart.</summary>
    internal static bool Conflict(nint a, nint b)
    {
        long apart = Math.Abs((long)a - b) % ConflictStrideBytes;
        return apart < ConflictGuardBytes || apart > ConflictStrideBytes - ConflictGuardBytes;
    }

    /// <summary>The address of <paramref name="array"/>'s first element; stable for the pinned arrays made here.</summary>
    internal static unsafe nint Start(float[] array) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));

    private static float[] Advised(long length)
    {
        // Zeroed by the runtime, which leaves fresh pages from the kernel untouched: the advice then applies to their first
        // fault. That fault backs the whole 2 MiB, so a row never written (the momentum of a unit that never trains) stays
        // unbacked only if nothing else in its 2 MiB is written (a 31 KB logreg row shares it with 66 others), and khugepaged
        // may later fill a 2 MiB of which one page was written: with sparse participation the stack is resident nearly whole.
        float[] array = GC.AllocateArray<float>(checked((int)length), pinned: true);
        Advise(array);
        return array;
    }

    private static void Advise(float[] array)
    {
        nint start = Start(array);
        nint end = start + ((nint)array.Length * sizeof(float));
        nint from = (start + HugePageBytes - 1) & ~(HugePageBytes - 1);
        nint to = end & ~(HugePageBytes - 1);
        if (to > from)
        {
            // A refusal (EINVAL where THP is compiled out) leaves ordinary pages: nothing to report.
            _ = NativeMethods.Madvise(from, (nuint)(to - from), NativeMethods.MadvHugePage);
        }
    }
}
