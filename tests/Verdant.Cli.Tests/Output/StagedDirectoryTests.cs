using Verdant.Cli.Output;

namespace Verdant.Cli.Tests.Output;

public sealed class StagedDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("verdant-staged-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Replace_ExistingFolder_HoldsOnlyTheNewFilesAndNoStaging()
    {
        string output = Path.Combine(_root, "out");
        Directory.CreateDirectory(Path.Combine(output, "runs", "old-seed1"));
        File.WriteAllText(Path.Combine(output, "compare.csv"), "old");

        StagedDirectory.Replace(output, staging => File.WriteAllText(Path.Combine(staging, "summary.json"), "{}"));

        Assert.Equal(["summary.json"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Replace_WriterFails_LeavesTheOldFolderUntouched()
    {
        string output = Path.Combine(_root, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "compare.csv"), "old");

        Assert.Throws<IOException>(() => StagedDirectory.Replace(output, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "energy.csv"), "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(Path.Combine(output, "compare.csv")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_ExistingFolder_MergesForResumableWorkspaces()
    {
        string output = Path.Combine(_root, "sweep");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "a.csv"), "kept");
        File.WriteAllText(Path.Combine(output, "b.csv"), "old");

        StagedDirectory.Write(output, staging => File.WriteAllText(Path.Combine(staging, "b.csv"), "new"));

        Assert.Equal("kept", File.ReadAllText(Path.Combine(output, "a.csv")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "b.csv")));
    }

    [Fact]
    public void RemoveStale_DeadProcessStaging_RemovedLiveOneKept()
    {
        string output = Path.Combine(_root, "out");
        string dead = Path.Combine(_root, ".out.partial-2147483646");
        string live = Path.Combine(_root, $".out.partial-{Environment.ProcessId}");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, "energy.csv"), "site,hour_utc\nparis,");
        Directory.CreateDirectory(live);

        IReadOnlyList<string> removed = StagedDirectory.RemoveStale(output);

        Assert.Equal([dead], removed);
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
    }
}
