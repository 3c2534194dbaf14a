using System.Text;
using Microsoft.Extensions.Time.Testing;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Metering;

namespace Verdant.Cluster.Tests.Metering;

public class PowercapCounterTests
{
    private const long Range = 262_143_328_850;

    [Fact]
    public void TryRead_PackagesOnly_LeavesSubzonesAndPsysOut()
    {
        using var tree = new FakePowercap();
        tree.Zone("intel-rapl:0", "package-0", 1_000, Range);
        tree.Zone("intel-rapl:1", "package-1", 2_000, Range);
        tree.Zone("intel-rapl:0:0", "core", 500, Range);
        tree.Zone("intel-rapl:0:1", "dram", 300, Range);
        tree.Zone("intel-rapl:2", "psys", 9_000, Range);
        var counter = new PowercapCounter(tree.Root, "m", new FakeTimeProvider());

        EnergyReading? reading = counter.TryRead(out string? reason);

        Assert.Null(reason);
        Assert.NotNull(reading);
        Assert.Equal([1_000L, 2_000L], reading.EnergyUj);
        Assert.Equal([Range, Range], reading.MaxEnergyRangeUj);
        Assert.Equal("m", reading.Machine);
    }

    [Fact]
    public void JoulesSince_CounterWrapped_AddsTheRange()
    {
        using var tree = new FakePowercap();
        tree.Zone("intel-rapl:0", "package-0", 999_000_000, 1_000_000_000);
        tree.Zone("intel-rapl:1", "package-1", 10_000_000, 1_000_000_000);
        var time = new FakeTimeProvider();
        var counter = new PowercapCounter(tree.Root, "m", time);
        EnergyReading before = counter.TryRead(out _)!;
        tree.SetEnergy("intel-rapl:0", 4_000_000);
        tree.SetEnergy("intel-rapl:1", 15_000_000);
        time.Advance(TimeSpan.FromSeconds(1));

        EnergyReading after = counter.TryRead(out _)!;

        // package-0 wrapped: 1000 J range - 999 J + 4 J = 5 J; package-1: 5 J.
        Assert.Equal(10.0, after.JoulesSince(before), 12);
        Assert.True(after.Timestamp > before.Timestamp);
    }

    [Fact]
    public void TryRead_NoPowercap_SaysNoPackageDomain()
    {
        var counter = new PowercapCounter(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}"), "m", new FakeTimeProvider());

        Assert.Null(counter.TryRead(out string? reason));
        Assert.StartsWith("no RAPL package domain under ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_EnergyUnreadable_SaysWhyNamingFile()
    {
        using var tree = new FakePowercap();
        string zone = tree.Zone("intel-rapl:0", "package-0", 1, Range);
        // Root reads any file, so the test makes the counter a directory: opening it is refused as an access violation.
        File.Delete(Path.Combine(zone, "energy_uj"));
        Directory.CreateDirectory(Path.Combine(zone, "energy_uj"));
        var counter = new PowercapCounter(tree.Root, "m", new FakeTimeProvider());

        Assert.Null(counter.TryRead(out string? reason));
        Assert.Equal($"{Path.Combine(zone, "energy_uj")} is not readable (permission denied; since Linux 5.10 only root may read RAPL)", reason);
    }

    [Fact]
    public void TryRead_EnergyFileMissing_SaysItCouldNotBeRead()
    {
        using var tree = new FakePowercap();
        string zone = tree.Zone("intel-rapl:0", "package-0", 1, Range);
        File.Delete(Path.Combine(zone, "energy_uj"));
        var counter = new PowercapCounter(tree.Root, "m", new FakeTimeProvider());

        Assert.Null(counter.TryRead(out string? reason));
        Assert.StartsWith($"{Path.Combine(zone, "energy_uj")} could not be read: ", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456\n", 123456)]
    [InlineData("0", 0)]
    public void ParseMicrojoules_WholeNumber_Parses(string text, long expected)
        => Assert.Equal(expected, PowercapCounter.ParseMicrojoules(new MemoryStream(Encoding.ASCII.GetBytes(text))));

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("12 J")]
    public void ParseMicrojoules_NotAWholeNumber_Throws(string text)
        => Assert.Throws<FormatException>(() => PowercapCounter.ParseMicrojoules(new MemoryStream(Encoding.ASCII.GetBytes(text))));
}
