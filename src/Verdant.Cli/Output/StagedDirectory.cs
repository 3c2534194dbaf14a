using System.Globalization;
using System.Runtime.InteropServices;

namespace Verdant.Cli.Output;

/// <summary>
/// Writes a folder's content into a fresh staging folder <c>.NAME.partial-PID</c> beside it and moves it in only when
/// everything is written, so a failure or an interruption never leaves half an output behind.
/// <see cref="Write"/> merges into an existing destination (files of the same name replaced, others kept: resumable
/// workspaces); <see cref="Replace"/> swaps the whole destination for the new content in one rename.
/// </summary>
internal static partial class StagedDirectory
{
    private const string PartialTag = ".partial-";
    private const string OldTag = ".old-";

    /// <summary>Stages, then merges into <paramref name="directory"/>; see the type's remarks.</summary>
    public static void Write(string directory, Action<string> writeInto)
        => Stage(directory, writeInto, (staging, full) => MoveInto(staging, full));

    /// <summary>
    /// Stages, then makes <paramref name="directory"/> exactly the new content: a fresh destination is one rename; an
    /// existing one is exchanged with the staging folder in one atomic rename (Linux renameat2), then the old content is
    /// deleted. Interrupted before the swap, the destination is untouched.
    /// </summary>
    public static void Replace(string directory, Action<string> writeInto) => Stage(directory, writeInto, Swap);

    /// <summary>
    /// Removes <c>.NAME.partial-PID</c> and <c>.NAME.old-PID</c> folders beside <paramref name="directory"/> whose process
    /// no longer runs; returns their paths.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string directory)
    {
        string full = Path.GetFullPath(directory);
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return [];
        }

        var removed = new List<string>();
        string name = Path.GetFileName(full);
        foreach (string candidate in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            string tail = Path.GetFileName(candidate)[(name.Length + 1)..];
            string? pid = tail.StartsWith(PartialTag, StringComparison.Ordinal) ? tail[PartialTag.Length..]
                : tail.StartsWith(OldTag, StringComparison.Ordinal) ? tail[OldTag.Length..] : null;
            if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && !IsRunning(id))
            {
                Directory.Delete(candidate, recursive: true);
                removed.Add(candidate);
            }
        }

        return removed;
    }

    private static void Stage(string directory, Action<string> writeInto, Action<string, string> publish)
    {
        string full = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}{PartialTag}{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            writeInto(staging);
            Commands.Interrupt.ThrowIfRequested();
            publish(staging, full);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Swap(string staging, string destination)
    {
        if (!Directory.Exists(destination))
        {
            Directory.Move(staging, destination);
            return;
        }

        if (OperatingSystem.IsLinux() && RenameAt2(AtFdCwd, staging, AtFdCwd, destination, RenameExchange) == 0)
        {
            // staging now holds the old content; the caller's finally deletes it.
            return;
        }

        // No renameat2 (another OS, or a file system without RENAME_EXCHANGE): two renames; a kill between them leaves
        // the old content in .NAME.old-PID, which the next run removes.
        string old = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}{OldTag}{Environment.ProcessId}");
        Directory.Move(destination, old);
        Directory.Move(staging, destination);
        Directory.Delete(old, recursive: true);
    }

    private static void MoveInto(string source, string destination)
    {
        if (!Directory.Exists(destination))
        {
            Directory.Move(source, destination);
            return;
        }

        foreach (string file in Directory.GetFiles(source))
        {
            File.Move(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (string sub in Directory.GetDirectories(source))
        {
            MoveInto(sub, Path.Combine(destination, Path.GetFileName(sub)));
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
