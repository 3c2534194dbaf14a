namespace Verdant.Cli.Tests;

/// <summary>Finds files of this repository from the test binaries (the folder holding Verdant.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verdant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Verdant.sln not found above {AppContext.BaseDirectory}");
    }
}
