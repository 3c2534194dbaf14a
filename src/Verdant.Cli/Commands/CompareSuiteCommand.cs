using Verdant.Cli.Compare;
using Verdant.Cli.Console;
using Verdant.Cli.Engine;
using Verdant.Cli.Output;
using Verdant.Cli.Plots;
using Verdant.Cli.Suite;
using Verdant.Core.Policies;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant compare --suite DIR [--policies ...] [--seeds N] [--out WS] [--recommended NAME] [--force]`: every policy on
/// every scenario of a folder and every seed, in a resumable workspace, judged against the reference and the recommended
/// policy (docs/compare.md).
/// </summary>
internal static class CompareSuiteCommand
{
    public const string Kind = "suite";

    public static int Execute(ConsoleUi ui, TimeProvider time, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(options);
        return Guard.Run(ui, () =>
        {
            if (options.ScenarioPath is not null)
            {
                throw new UsageException($"--suite: runs every scenario of {options.Suite}; give either a scenario file or --suite, not both");
            }

            string recommended = Recommended(options.Recommended);
            IReadOnlyList<string> policies = Policies(options.Policies, recommended);
            string folder = options.Suite!;
            (IReadOnlyList<PlannedRun> plan, IReadOnlyDictionary<string, double> targets) = SuitePlan.Build(new SuitePlan.Request(
                folder, policies, options.Seeds, options.Rounds, options.TargetAccuracy, options.Full, options.DataDirectory));
            string output = options.OutputDirectory ?? Path.Combine("runs", $"suite-{Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/'))}");
            ParetoPlot.Probe();
            RunWorkspace workspace = RunWorkspace.Open(output, Kind, RunWorkspace.PlanHash(Kind, plan), options.Force);
            int concurrency = options.Concurrency ?? RunSetup.DefaultWorkers;
            try
            {
                WorkspaceRunner.Run(ui, workspace, plan, concurrency, time, options.Cancellation, options.RunSaved);
            }
            catch (OperationCanceledException)
            {
                IReadOnlyList<FinishedRun> partial = Aggregate(ui, workspace, plan, targets, options, recommended, output, print: false);
                ui.Error($"interrupted: {partial.Count} of {plan.Count} runs finished and saved in {output}; run the same command again to resume");
                return ExitCodes.Interrupted;
            }

            Aggregate(ui, workspace, plan, targets, options, recommended, output, print: true);
            return ExitCodes.Ok;
        });
    }

    /// <summary>The suite's policies: the reference and the recommended one first (added when missing), then the rest as given.</summary>
    public static IReadOnlyList<string> Policies(string list, string recommended)
    {
        IReadOnlyList<string> given = list.Length == 0 ? PolicyCatalog.Names : CompareCommand.ParsePolicies(list);
        string[] first = PolicyCatalog.Reference == recommended ? [recommended] : [PolicyCatalog.Reference, recommended];
        return [.. first, .. given.Where(p => !first.Contains(p, StringComparer.Ordinal))];
    }

    private static string Recommended(string name)
    {
        string lower = name.Trim().ToLowerInvariant();
        return PolicyCatalog.Contains(lower) ? lower : throw new UsageException($"--recommended: {PolicyCatalog.UnknownMessage(lower)}");
    }

    private static IReadOnlyList<FinishedRun> Aggregate(ConsoleUi ui, RunWorkspace workspace, IReadOnlyList<PlannedRun> plan,
        IReadOnlyDictionary<string, double> targets, CompareOptions options, string recommended, string output, bool print)
    {
        IReadOnlyList<FinishedRun> finished = workspace.ReadFinished(plan);
        // A run that blew up has no numbers: it is counted in the verdicts (suite-summary.csv, the tables) and recorded in
        // runs.db and results.parquet with its round and unit, but it is no row of suite.csv.
        SuiteRow[] rows = [.. finished.Where(r => !r.Diverged).Select(r => new SuiteRow(r.Parameter("scenario")!, CompareRow.From(r)))];
        var statistics = SuiteStatistics.Of(rows, PolicyCatalog.Reference, recommended,
            [.. finished.Where(r => r.Diverged).Select(r => (r.Parameter("scenario")!, r.Text("policy")))]);
        SuiteFiles.Write(workspace, rows, statistics, options.Full, targets);
        WorkspaceAggregates.Write(workspace, finished);
        WorkspaceReport.Write(ui, workspace, finished);
        if (print)
        {
            foreach (Spectre.Console.Table table in SuiteTable.Build(statistics, targets, PolicyCatalog.Reference, recommended, output))
            {
                ui.Output.Write(table);
            }
        }

        return finished;
    }
}
