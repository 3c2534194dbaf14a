using System.Diagnostics;
using System.Globalization;

namespace Verdant.Cli.Bench;

/// <summary>The process's peak resident set, resettable per case on Linux, and the memory the machine has free.</summary>
internal static class PeakMemory
{
    /// <summary>Resets the kernel's high-water mark (VmHWM) of this process; a no-op where /proc does not allow it.</summary>
    public static void Reset()
    {
        try
        {
            // "5" resets the peak RSS (Documentation/filesystems/proc.rst, clear_refs).
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without /proc the peak covers the whole process; the report still bounds the case.
        }
    }

    /// <summary>Peak resident set since the last <see cref="Reset"/> (or process start), in GiB.</summary>
    public static double PeakGib()
    {
        long kib = ReadKib("/proc/self/status", "VmHWM:");
        long bytes = kib > 0 ? kib * 1024 : Process.GetCurrentProcess().PeakWorkingSet64;
        return bytes / (double)(1L << 30);
    }

    /// <summary>MemAvailable of the machine in GiB, or +infinity where it cannot be read.</summary>
    public static double AvailableGib()
    {
        long kib = ReadKib("/proc/meminfo", "MemAvailable:");
        return kib > 0 ? kib / (double)(1 << 20) : double.PositiveInfinity;
    }

    private static long ReadKib(string path, string key)
    {
        try
        {
            string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            string[] parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
