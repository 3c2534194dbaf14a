using System.Globalization;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// The key of a unit's grain, "run:unit:site": the run keeps concurrent runs apart, the unit is the node index of the
/// scenario, and the site is what placement reads to put the grain on a silo of that site.
/// </summary>
public static class NodeKey
{
    /// <summary>The key of unit <paramref name="unit"/> of run <paramref name="run"/> at site <paramref name="site"/>.</summary>
    public static string Format(string run, int unit, string site) => string.Create(CultureInfo.InvariantCulture, $"{run}:{unit}:{site}");

    /// <summary>Splits a key made by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The key does not have the three parts.</exception>
    public static (string Run, int Unit, string Site) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string[] parts = key.Split(':', 3);
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int unit))
        {
            throw new FormatException($"node key '{key}' is not run:unit:site");
        }

        return (parts[0], unit, parts[2]);
    }
}
