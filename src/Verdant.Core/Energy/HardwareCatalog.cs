namespace Verdant.Core.Energy;

/// <summary>The built-in hardware profiles (sources in docs/energy-model.md), looked up by name case-insensitively.</summary>
public static class HardwareCatalog
{
    /// <summary>All profiles by name.</summary>
    public static IReadOnlyDictionary<string, HardwareProfile> All => throw new NotImplementedException();

    /// <summary>Looks a profile up by name.</summary>
    public static bool TryGet(string name, out HardwareProfile profile) => throw new NotImplementedException();
}
