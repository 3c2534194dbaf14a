using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class HardwareCatalogTests
{
    [Theory]
    [InlineData("cpu-server")]
    [InlineData("GPU-V100")]
    [InlineData("gpu-a100")]
    [InlineData("Gpu-H100")]
    [InlineData("edge")]
    public void TryGet_AnyCase_FindsConsistentProfile(string name)
    {
        Assert.True(HardwareCatalog.TryGet(name, out HardwareProfile p));
        Assert.True(p.SustainedFlops > 0 && p.BusyPowerW > p.IdlePowerW && p.IdlePowerW > 0 && p.WakeEnergyJ > 0);
        Assert.False(string.IsNullOrWhiteSpace(p.Source));
    }

    [Fact]
    public void Accelerators_Sustained_AreFortyPercentOfDatasheetPeak()
    {
        Assert.Equal(0.4 * 312e12, HardwareCatalog.All["gpu-a100"].SustainedFlops, 1);
        Assert.Equal(330, HardwareCatalog.All["gpu-v100"].BusyPowerW, 9);
    }

    [Fact]
    public void Get_Unknown_ThrowsListingNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => HardwareCatalog.Get("tpu"));

        Assert.StartsWith("Unknown hardware 'tpu'. Known: cpu-server, edge, gpu-a100, gpu-h100, gpu-v100.", ex.Message);
    }
}
