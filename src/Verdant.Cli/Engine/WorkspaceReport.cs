namespace Verdant.Cli.Engine;

/// <summary>
/// The single place where the end of a suite or a sweep hands its workspace to a report writer (report.html), after
/// every aggregate file is written. Called also after an interruption, with the runs finished so far.
/// </summary>
internal static class WorkspaceReport
{
    /// <summary>The workspace's kind ("suite" or "sweep"), its folder, and its finished runs in plan order.</summary>
    public static void Write(string kind, RunWorkspace workspace, IReadOnlyList<FinishedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runs);
        // The report writer (branch `report`) is wired here when it lands; until then a workspace has no report.html.
        _ = kind;
    }
}
