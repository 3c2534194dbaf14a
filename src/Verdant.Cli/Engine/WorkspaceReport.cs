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
        // Wired by the lead when the report writer (branch `report`) lands, e.g. for suites:
        //   if (workspace.Kind == "suite") { ReportCommand.WriteAfter(ui, workspace.Directory); }
        // Its HtmlReport reads suite.csv, suite-summary.csv, pareto/ and runs/ from the folder; a sweep folder has none
        // of its files yet (results.parquet and runs.db instead), so sweeps need a section of their own first.
    }
}
