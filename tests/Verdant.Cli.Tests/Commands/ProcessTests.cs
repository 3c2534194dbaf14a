using System.Diagnostics;
using Verdant.Cli.Tests.BadInputs;

namespace Verdant.Cli.Tests.Commands;

/// <summary>The CLI as a separate process: signals, what an interrupted run leaves, and the launcher's one-line errors.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "verdant.dll");

    private readonly string _root = Directory.CreateTempSubdirectory("verdant-process-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_Interrupted_ExitsOneThirtyAndLeavesNothing()
    {
        string data = IdxFiles.Write(Path.Combine(_root, "data"), "valid");
        string scenario = Path.Combine(_root, "long.yaml");
        File.WriteAllText(scenario, File.ReadAllText(RepositoryFiles.PathOf("tests/Verdant.Cli.Tests/Data/bad-inputs/scenarios/valid.yaml"))
            .Replace("  rounds: 5\n", "  rounds: 100000\n", StringComparison.Ordinal)
            .Replace("  deadline_hours: 24\n", "  deadline_hours: 8000\n", StringComparison.Ordinal));
        string output = Path.Combine(_root, "out");
        using Process process = Start("dotnet", Cli, "run", scenario, "--data-dir", data, "--out", output);

        // Wait for the first progress line: training has started, so the interruption lands mid-run.
        string? line = process.StandardOutput.ReadLine();
        Assert.NotNull(line);
        Signal(process.Id, "INT");
        string err = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("verdant: interrupted; no output was written\n", err);
        Assert.Equal(["data", "long.yaml"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_StaleStagingOfKilledProcess_RemovedAndReported()
    {
        string data = IdxFiles.Write(Path.Combine(_root, "data"), "valid");
        string stale = Path.Combine(_root, ".out.partial-2147483646");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "energy.csv"), "site,hour_utc,demand_kwh\nparis,2026-06-01T00:00:00Z,");
        using Process process = Start("dotnet", Cli, "run", RepositoryFiles.PathOf("tests/Verdant.Cli.Tests/Data/bad-inputs/scenarios/valid.yaml"),
            "--data-dir", data, "--out", Path.Combine(_root, "out"), "--rounds", "2");
        _ = process.StandardOutput.ReadToEnd();
        string err = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal($"verdant: warning: removed {stale}, an unfinished output left by a process that no longer runs\n", err);
        Assert.False(Directory.Exists(stale));
        Assert.True(File.Exists(Path.Combine(_root, "out", "summary.json")));
    }

    [Fact]
    [Trait("Category", "Launcher")]
    public void Launcher_RoundsNotANumber_PrintsExactlyOneLine()
    {
        // Without a rebuild: this test runs inside `./verdant test`, whose binaries a build must not overwrite.
        using Process process = Start("bash", [RepositoryFiles.PathOf("verdant"), "run", "--rounds", "abc"], ("VERDANT_NO_BUILD", "1"));
        _ = process.StandardOutput.ReadToEnd();
        string err = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(600_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("verdant: --rounds: must be a whole number, got 'abc'\n", err);
    }

    private static Process Start(string file, params string[] args) => Start(file, args, []);

    private static Process Start(string file, string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string name, string value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
    }

    private static void Signal(int pid, string signal)
    {
        using Process kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
    }
}
