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

    /// <summary>A zeroed float array of <paramref name="length"/> elements.</summary>
    internal static float[] ZeroedFloats(long length)
    {
        if (length * sizeof(float) < MinBytes || !OperatingSystem.IsLinux())
        {
            return new float[length];
        }

        // Zeroed by the runtime, which leaves fresh pages from the kernel untouched: the advice then applies to their first
        // fault. That fault backs the whole 2 MiB, so a row never written (the momentum of a unit that never trains) stays
        // unbacked only if nothing else in its 2 MiB is written (a 31 KB logreg row shares it with 66 others), and khugepaged
        // may later fill a 2 MiB of which one page was written: with sparse participation the stack is resident nearly whole.
        float[] array = GC.AllocateArray<float>(checked((int)length), pinned: true);
        Advise(array);
        return array;
    }

    private static unsafe void Advise(float[] array)
    {
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
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
