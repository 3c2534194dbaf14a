using Verdant.Cli.Console;

namespace Verdant.Cli.Engine;

/// <summary>
/// The single place where the end of a suite or a sweep hands its workspace to a report writer (report.html), after
/// every aggregate file is written; called also after an interruption, with the runs finished so far.
/// </summary>
internal static class WorkspaceReport
{
    /// <summary>The workspace's kind ("suite" or "sweep"), its folder, and its finished runs in plan order.</summary>
    public static void Write(ConsoleUi ui, RunWorkspace workspace, IReadOnlyList<FinishedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runs);
        // A sweep folder holds results.parquet and runs.db, which the report does not draw yet; each of its runs is an
        // ordinary run folder that `verdant report` reads.
        if (workspace.Kind == "suite")
        {
            Commands.ReportCommand.WriteAfter(ui, workspace.Directory);
        }
    }
}
