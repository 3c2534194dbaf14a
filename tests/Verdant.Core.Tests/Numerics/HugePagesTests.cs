using System.Globalization;
using System.Runtime.CompilerServices;
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
    public void ZeroedFloats_Large_IsAdvisedForHugePagesOnLinux()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
        {
            return;
        }

        float[] array = HugePages.ZeroedFloats(LargeLength);
        ulong middle = (ulong)HugePages.Start(array) + (ulong)(LargeLength * 2);

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

    [Theory]
    [InlineData(0L, 256L << 20, true)]
    [InlineData(256L << 20, 0L, true)]
    [InlineData(0L, 1L << 30, true)]
    [InlineData(0L, (256L << 20) + 64, true)]
    [InlineData(0L, (256L << 20) - (60L << 10), true)]
    [InlineData(0L, (256L << 20) + (64L << 10), false)]
    [InlineData(0L, (256L << 20) - (64L << 10), false)]
    [InlineData(0L, 128L << 20, false)]
    [InlineData(0L, 384L << 20, false)]
    [InlineData(4096L, (260L << 20) + 4096, false)]
    public void Conflict_StartsNearAMultipleOf256MiBApart_Conflict(long a, long b, bool expected)
    {
        Assert.Equal(expected, HugePages.Conflict((nint)a, (nint)b));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(HugePages.MaxPlacements - 1, HugePages.MaxPlacements)]
    [InlineData(100, HugePages.MaxPlacements)]
    public void PlaceApart_FirstAllocationsConflict_ReturnsTheFirstThatDoesNotWithinTheLimit(int conflicting, int expectedAllocations)
    {
        var made = new List<int[]>();

        int[] placed = HugePages.PlaceApart(() => Made(made), item => item[0] < conflicting);

        Assert.Equal(expectedAllocations, made.Count);
        Assert.Same(made[^1], placed);
    }

    [Fact]
    public void ZeroedFloats_ApartFromAnother_IsZeroedAndDoesNotStartAConflictingDistanceAway()
    {
        float[] first = HugePages.ZeroedFloats(LargeLength);

        float[] apart = HugePages.ZeroedFloats(LargeLength, apartFrom: first);

        Assert.Equal(LargeLength, apart.LongLength);
        Assert.Equal(-1, apart.AsSpan().IndexOfAnyExcept(0f));
        Assert.False(OperatingSystem.IsLinux() && HugePages.Conflict(HugePages.Start(first), HugePages.Start(apart)));
        GC.KeepAlive(first);
    }

    private static int[] Made(List<int[]> made)
    {
        int[] item = [made.Count];
        made.Add(item);
        return item;
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
