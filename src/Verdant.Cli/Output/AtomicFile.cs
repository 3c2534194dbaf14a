namespace Verdant.Cli.Output;

/// <summary>One file replaced whole: written beside itself under a temporary name, then renamed over the old one.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path beside <paramref name="path"/> and renames it over
    /// <paramref name="path"/>, so a reader sees the old file or the new one, never half of one.
    /// </summary>
    public static void Replace(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
