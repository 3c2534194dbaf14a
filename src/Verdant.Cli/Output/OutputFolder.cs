using Verdant.Cli.Commands;

namespace Verdant.Cli.Output;

/// <summary>
/// Checks an output folder before any work starts, so that a bad <c>--out</c> costs a second, not a whole run: it must
/// not be empty text, a file, under a kernel file system, or unwritable; an existing non-empty folder is refused unless
/// the caller replaces it whole (<c>--force</c>). Stale staging folders left beside it by killed processes are removed.
/// </summary>
internal static class OutputFolder
{
    private static readonly string[] VirtualRoots = ["/proc", "/sys", "/dev"];

    /// <summary>
    /// Returns the folder's full path, or throws a <see cref="UsageException"/> naming <paramref name="option"/>.
    /// <paramref name="report"/> receives one line per stale staging folder removed.
    /// </summary>
    public static string Check(string directory, string option, bool mustBeEmpty, bool force, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        string full = FullPath(directory, option);
        if (VirtualRoots.Any(root => full == root || full.StartsWith(root + "/", StringComparison.Ordinal)))
        {
            throw new UsageException($"{option}: {directory} is in a kernel file system ({full.Split('/')[1]}); choose a folder on disk");
        }

        if (File.Exists(full))
        {
            throw new UsageException($"{option}: {directory} is a file, not a folder");
        }

        string parent = Path.GetDirectoryName(full) ?? full;
        CheckWritable(ExistingAncestor(parent, directory, option), directory, option);
        foreach (string removed in StagedDirectory.RemoveStale(full))
        {
            report($"removed {removed}, an unfinished output left by a process that no longer runs");
        }

        if (mustBeEmpty && !force && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new UsageException(
                $"{option}: {directory} already holds files; pass --force to replace it whole, or choose another folder");
        }

        return full;
    }

    private static string FullPath(string directory, string option)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException($"{option}: must name a folder, got an empty value");
        }

        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option}: {directory} is not a usable path: {ex.Message}", ex);
        }
    }

    private static string ExistingAncestor(string path, string directory, string option)
    {
        for (string? p = path; p is not null; p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p))
            {
                return p;
            }

            if (File.Exists(p))
            {
                throw new UsageException($"{option}: {directory} cannot be created: {p} is a file");
            }
        }

        return "/";
    }

    /// <summary>Creates and removes a probe folder: the only reliable test (permissions, read-only mounts, ACLs).</summary>
    private static void CheckWritable(string folder, string directory, string option)
    {
        string probe = Path.Combine(folder, $".verdant-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: {directory} cannot be written: no permission to create folders in {folder}", ex);
        }
    }
}
