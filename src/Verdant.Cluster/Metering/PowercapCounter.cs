using System.Globalization;
using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Metering;

/// <summary>
/// Reads Intel RAPL package energy through Linux powercap: every top-level zone <c>intel-rapl:N</c> under the root whose
/// <c>name</c> is <c>package-N</c> (the CPU packages; their <c>core</c>/<c>uncore</c>/<c>dram</c> subzones and a
/// <c>psys</c> zone are left out, so nothing is counted twice), its <c>energy_uj</c> and <c>max_energy_range_uj</c>.
/// </summary>
/// <remarks>
/// Linux powercap sysfs ABI (Documentation/power/powercap/powercap.rst). Since Linux 5.10 <c>energy_uj</c> is readable
/// by root only (CVE-2020-8694, the PLATYPUS side channel), and virtual machines rarely expose RAPL at all: then the
/// counter says why and the caller models energy instead (as CodeCarbon falls back to TDP).
/// </remarks>
public sealed class PowercapCounter : IEnergyCounter
{
    /// <summary>Where Linux exposes powercap zones.</summary>
    public const string SystemRoot = "/sys/class/powercap";

    private readonly string _root;
    private readonly string _machine;
    private readonly TimeProvider _time;
    private readonly Lazy<Domains> _domains;

    /// <summary>Reads zones under <paramref name="root"/>, naming the machine <paramref name="machine"/>.</summary>
    public PowercapCounter(string root, string machine, TimeProvider time)
    {
        _root = root ?? throw new ArgumentNullException(nameof(root));
        _machine = machine ?? throw new ArgumentNullException(nameof(machine));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        // Zones are found once (units of a silo read concurrently); a machine without them stays without them.
        _domains = new Lazy<Domains>(Discover, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The counter of this machine (<see cref="SystemRoot"/>; machine = host name and boot id).</summary>
    public static PowercapCounter ForThisMachine(TimeProvider time) => new(SystemRoot, MachineId(), time);

    /// <inheritdoc />
    public EnergyReading? TryRead(out string? reason)
    {
        Domains domains = _domains.Value;
        if (domains.Unavailable is { } why)
        {
            reason = why;
            return null;
        }

        var energy = new long[domains.Paths.Length];
        for (int d = 0; d < energy.Length; d++)
        {
            if (!TryReadNumber(Path.Combine(domains.Paths[d], "energy_uj"), out energy[d], out reason))
            {
                return null;
            }
        }

        reason = null;
        return new EnergyReading(_machine, _time.GetTimestamp(), energy, domains.RangesUj);
    }

    /// <summary>Parses a powercap counter file's content: one non-negative whole number (µJ), then optional white space.</summary>
    /// <exception cref="FormatException">The content is not such a number.</exception>
    public static long ParseMicrojoules(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        string text = reader.ReadToEnd().Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new FormatException($"'{(text.Length > 40 ? text[..40] : text)}' is not a whole number of µJ");
    }

    private Domains Discover()
    {
        string[] zones = Directory.Exists(_root)
            ? [.. Directory.GetDirectories(_root, "intel-rapl:*").Where(z => Path.GetFileName(z).Count(c => c == ':') == 1).Order(StringComparer.Ordinal)]
            : [];
        string[] packages = [.. zones.Where(z => ZoneName(z).StartsWith("package", StringComparison.Ordinal))];
        if (packages.Length == 0)
        {
            return new Domains([], [], $"no RAPL package domain under {_root}");
        }

        var ranges = new long[packages.Length];
        for (int d = 0; d < packages.Length; d++)
        {
            if (!TryReadNumber(Path.Combine(packages[d], "max_energy_range_uj"), out ranges[d], out string? reason))
            {
                return new Domains([], [], reason);
            }
        }

        return new Domains(packages, ranges, null);
    }

    private static string ZoneName(string zone)
    {
        try
        {
            return File.ReadAllText(Path.Combine(zone, "name")).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static bool TryReadNumber(string path, out long value, out string? reason)
    {
        value = 0;
        try
        {
            using FileStream stream = File.OpenRead(path);
            value = ParseMicrojoules(stream);
            reason = null;
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            reason = $"{path} is not readable (permission denied; since Linux 5.10 only root may read RAPL)";
        }
        catch (IOException ex)
        {
            reason = $"{path} could not be read: {ex.Message}";
        }
        catch (FormatException ex)
        {
            reason = $"{path}: {ex.Message}";
        }

        return false;
    }

    private static string MachineId()
    {
        try
        {
            return $"{Environment.MachineName}/{File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim()}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Environment.MachineName;
        }
    }

    private sealed record Domains(string[] Paths, long[] RangesUj, string? Unavailable);
}
