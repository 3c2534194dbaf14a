using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class HugePagesTests
{
    private const long LargeLength = (HugePages.MinBytes / sizeof(float)) + 4099;

    [Theory]
    [InlineData(1L)]
    [InlineData(4097L)]
    [InlineData(LargeLength)]
    public void ZeroedFloats_AfterADirtyArrayOfTheSameSizeWasDropped_IsZeroedAndOfTheLengthAsked(long length)
    {
        DropDirty(length);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        float[] array = HugePages.ZeroedFloats(length);

        Assert.Equal(length, array.LongLength);
        Assert.Equal(-1, array.AsSpan().IndexOfAnyExcept(0f));
    }

    [Fact]
    public unsafe void ZeroedFloats_Large_IsAdvisedForHugePagesOnLinux()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
        {
            return;
        }

        float[] array = HugePages.ZeroedFloats(LargeLength);
        ulong middle = (ulong)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) + (ulong)(LargeLength * 2);

        Assert.Contains(" hg", VmFlagsOfMappingHolding(middle), StringComparison.Ordinal);
        GC.KeepAlive(array);
    }

    [Fact]
    public void ZeroedFloats_Small_IsAnOrdinaryArray()
    {
        float[] array = HugePages.ZeroedFloats(1024);

        // A pinned-heap array reports the oldest generation from the start; an ordinary one is younger, even if a collection
        // started by another test promoted it once in between (a collection promotes by one generation).
        Assert.InRange(GC.GetGeneration(array), 0, GC.MaxGeneration - 1);
    }

    // From ZeroedFloats itself, so that a large one is dirty memory on the pinned heap, where the next large one is placed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropDirty(long length) => Array.Fill(HugePages.ZeroedFloats(length), float.NaN);

    private static string VmFlagsOfMappingHolding(ulong address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong to))
            {
                inside = address >= from && address < to;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"No mapping of /proc/self/smaps holds 0x{address:x}.");
    }
}
