using System.CommandLine;
using Verdant.Cli.Console;
using Verdant.Cli.Engine;
using Verdant.Cli.Sweeps;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant sweep SWEEP.yaml [--out DIR] [--jobs N] [--data-dir DIR] [--force]`: a grid or a list of runs over any scenario
/// fields, run in parallel on the shared engine into a resumable workspace with a run registry (docs/sweeps.md).
/// </summary>
internal static class SweepCommand
{
    public const string Kind = "sweep";

    private static readonly Argument<string> SweepArgument = new("sweep") { Description = "Sweep file (YAML; docs/sweeps.md)" };

    public static Command Create(ConsoleUi ui, TimeProvider time)
    {
        var jobs = CommonOptions.Positive(new Option<int?>("--jobs") { Description = "Simulations at once (default: one per core)" });
        var output = new Option<string?>("--out") { Description = "Workspace folder (default runs/sweep-<name>); rerun to resume" };
        var command = new Command("sweep", "Run a grid or a list of scenario variants, resumable, into a run registry")
        {
            SweepArgument, output, jobs, CommonOptions.DataDir, CommonOptions.Force,
        };
        command.SetAction(parse => InterruptScope.OnCtrlC(token => Execute(ui, time, new SweepOptions(
            parse.GetValue(SweepArgument)!, parse.GetValue(output), parse.GetValue(CommonOptions.DataDir), parse.GetValue(jobs),
            parse.GetValue(CommonOptions.Force))
        {
            Cancellation = token,
        })));
        return command;
    }

    public static int Execute(ConsoleUi ui, TimeProvider time, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(options);
        return Guard.Run(ui, () =>
        {
            SweepSpec spec = SweepSpec.Load(options.SweepPath);
            IReadOnlyList<PlannedRun> plan = SweepPlan.Build(spec, Path.GetFileName(options.SweepPath), options.DataDirectory);
            string output = options.OutputDirectory ?? Path.Combine("runs", $"sweep-{spec.Name}");
            RunWorkspace workspace = RunWorkspace.Open(output, Kind, RunWorkspace.PlanHash(Kind, plan), options.Force);
            try
            {
                WorkspaceRunner.Run(ui, workspace, plan, options.Jobs ?? RunSetup.DefaultWorkers, time, options.Cancellation, options.RunSaved);
            }
            catch (OperationCanceledException)
            {
                IReadOnlyList<FinishedRun> partial = Aggregate(ui, workspace, plan);
                ui.Error($"interrupted: {partial.Count} of {plan.Count} runs finished and saved in {output}; run the same command again to resume");
                return ExitCodes.Interrupted;
            }

            IReadOnlyList<FinishedRun> finished = Aggregate(ui, workspace, plan);
            ui.Output.Write(RunsTable.List(finished, $"sweep {spec.Name}: {finished.Count} runs"));
            ui.Info($"registry: {Path.Combine(output, Registry.RunRegistry.FileName)}; table: {Path.Combine(output, Registry.ResultsParquet.FileName)}");
            return ExitCodes.Ok;
        });
    }

    private static IReadOnlyList<FinishedRun> Aggregate(ConsoleUi ui, RunWorkspace workspace, IReadOnlyList<PlannedRun> plan)
    {
        IReadOnlyList<FinishedRun> finished = workspace.ReadFinished(plan);
        WorkspaceAggregates.Write(workspace, finished);
        WorkspaceReport.Write(ui, workspace, finished);
        return finished;
    }
}
