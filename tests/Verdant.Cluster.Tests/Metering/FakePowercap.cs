using System.Globalization;

namespace Verdant.Cluster.Tests.Metering;

/// <summary>A powercap directory tree in a temporary folder, laid out as Linux lays out /sys/class/powercap.</summary>
internal sealed class FakePowercap : IDisposable
{
    public FakePowercap()
    {
        Root = Path.Combine(Path.GetTempPath(), $"verdant-powercap-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Zone(string zone, string name, long energyUj, long rangeUj)
    {
        string dir = Path.Combine(Root, zone);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "name"), name + "\n");
        File.WriteAllText(Path.Combine(dir, "max_energy_range_uj"), rangeUj.ToString(CultureInfo.InvariantCulture) + "\n");
        SetEnergy(zone, energyUj);
        return dir;
    }

    public void SetEnergy(string zone, long energyUj)
        => File.WriteAllText(Path.Combine(Root, zone, "energy_uj"), energyUj.ToString(CultureInfo.InvariantCulture) + "\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
