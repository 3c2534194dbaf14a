using Verdant.Cli.Registry;

namespace Verdant.Cli.Engine;

/// <summary>
/// The aggregates every workspace has, suite or sweep, rewritten whole (each through a temporary file and a rename) from
/// its finished runs: the run registry runs.db (SQLite) and results.parquet.
/// </summary>
internal static class WorkspaceAggregates
{
    public static void Write(RunWorkspace workspace, IReadOnlyList<FinishedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runs);
        workspace.WriteAtomically(RunRegistry.FileName, path => RunRegistry.Write(path, workspace.Kind, workspace.SpecHash, runs, workspace.Directory));
        workspace.WriteAtomically(ResultsParquet.FileName, path => ResultsParquet.Write(path, runs, workspace.Directory));
    }
}
