using System.CommandLine;
using System.Security.Cryptography;
using Verdant.Cluster.Journal;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Commands;

/// <summary>
/// The coordinator log of `cluster run` (docs/cluster.md): OUT/coordinator.jsonl records every round; `--resume`
/// continues the unfinished run it records on the cluster that still holds its units.
/// </summary>
internal static class ClusterRunLog
{
    public static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Continue the unfinished run whose coordinator log is in --out DIR, on its running cluster (--membership)",
    };

    /// <summary>
    /// Checks the log before anything is loaded or started: with --resume, the unfinished log of this scenario in
    /// <paramref name="output"/> (opened; its run name is the run to continue); without, that no unfinished run would be lost.
    /// </summary>
    /// <exception cref="UsageException">Bad --resume or --out (exit 2), naming what differs or what is damaged.</exception>
    public static CoordinatorLog? Check(string? outOption, string output, bool resume, bool local, bool wallClock, Scenario scenario,
        string? scenarioPath)
    {
        string path = Path.Combine(output, CoordinatorLog.FileName);
        try
        {
            return resume ? Resumed(outOption, path, local, wallClock, scenario, scenarioPath) : NotResumed(output, path);
        }
        catch (CoordinatorLogException ex)
        {
            throw new UsageException($"{(resume ? "--resume" : "--out")}: {ex.Message}");
        }
    }

    /// <summary>The log of a new run <paramref name="run"/>, in <paramref name="output"/>.</summary>
    public static CoordinatorLog Create(string output, Scenario scenario, string? scenarioPath, string run)
        => CoordinatorLog.Create(Path.Combine(output, CoordinatorLog.FileName), Header(scenario, scenarioPath, run));

    private static CoordinatorLog? NotResumed(string output, string path) => CoordinatorLog.StateOf(path) == CoordinatorLogState.Unfinished
        ? throw new UsageException($"--out: {output} holds an unfinished cluster run ({CoordinatorLog.FileName}); " +
            "add --resume to continue it on its running cluster, or choose another --out")
        : null;

    private static CoordinatorLog Resumed(string? outOption, string path, bool local, bool wallClock, Scenario scenario,
        string? scenarioPath)
    {
        if (wallClock)
        {
            throw new UsageException("--resume: a --time-scale run is not logged and cannot be resumed (its measured round " +
                "times and energy would not replay); resume runs on the modelled clock only");
        }

        if (outOption is null)
        {
            throw new UsageException("--resume: needs --out DIR, the folder of the run to resume");
        }

        if (local)
        {
            throw new UsageException("--resume: a run cannot be resumed on --local silos (they stop with the process that " +
                "started them); join the cluster that holds the run's units with --membership");
        }

        return CoordinatorLog.Resume(path, Header(scenario, scenarioPath, run: ""));
    }

    private static CoordinatorLogHeader Header(Scenario scenario, string? scenarioPath, string run)
        => CoordinatorLogHeader.For(scenario, run, scenarioPath is null ? null : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenarioPath))));
}
