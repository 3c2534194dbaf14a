namespace Verdant.Cli.Output;

/// <summary>
/// Writes a folder's content into a fresh staging folder beside it and moves it in only when everything is written, so a
/// failure never leaves half an output behind; files already in the destination are replaced, others kept.
/// </summary>
internal static class StagedDirectory
{
    public static void Write(string directory, Action<string> writeInto)
    {
        string full = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        try
        {
            writeInto(staging);
            MoveInto(staging, full);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
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
}
