using Verdant.Cli.Commands;
using Verdant.Cli.Compare;
using Verdant.Cli.Console;
using Verdant.Cli.Input;
using Verdant.Cli.Output;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Engine;

/// <summary>
/// Runs the unfinished runs of a plan in a workspace through <see cref="RunEngine"/>, saving each run's folder as soon as
/// it finishes, so an interruption loses at most the runs in flight.
/// </summary>
internal static class WorkspaceRunner
{
    /// <summary>How many runs of the plan were already finished, and how many ran now.</summary>
    public sealed record Outcome(int AlreadyFinished, int RanNow);

    /// <exception cref="OperationCanceledException">Interrupted; the runs finished so far are saved.</exception>
    public static Outcome Run(ConsoleUi ui, RunWorkspace workspace, IReadOnlyList<PlannedRun> plan, int concurrency,
        TimeProvider time, CancellationToken cancellationToken, Action<string>? saved = null)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(plan);
        PlannedRun[] todo = [.. plan.Where(r => !workspace.IsFinished(r))];
        ui.Info($"{plan.Count - todo.Length} of {plan.Count} runs already finished in {workspace.Directory}; {todo.Length} to run");
        if (todo.Length == 0)
        {
            return new Outcome(plan.Count, 0);
        }

        try
        {
            Execute(ui, workspace, todo, concurrency, time, saved, cancellationToken);
        }
        finally
        {
            // Every worker has stopped: what is left in staging is a run that was cancelled mid-write.
            if (Directory.Exists(workspace.StagingRoot))
            {
                Directory.Delete(workspace.StagingRoot, recursive: true);
            }
        }

        return new Outcome(plan.Count - todo.Length, todo.Length);
    }

    private static void Execute(ConsoleUi ui, RunWorkspace workspace, PlannedRun[] todo, int concurrency, TimeProvider time,
        Action<string>? saved, CancellationToken cancellationToken)
    {
        Dictionary<string, (Dataset Train, Dataset Test)> data = todo.Select(r => r.DataDirectory).Distinct(StringComparer.Ordinal)
            .ToDictionary(d => d, d => DatasetFiles.Load(d, null), StringComparer.Ordinal);
        IGemm blas = RunSetup.CreateGemm();
        workspace.Claim();
        var diverged = new string[todo.Length];
        EngineProgress.Show(ui.Output, [.. todo.Select(r => r.Label)], progress => RunEngine.Execute(todo.Length, concurrency, (i, token) =>
        {
            PlannedRun run = todo[i];
            Scenario scenario = run.Load();
            (Dataset train, Dataset test) = data[run.DataDirectory];
            long started = time.GetTimestamp();
            try
            {
                (SimulationResult result, double wall) = RunEngine.Simulate(scenario, run.Label, train, test, blas, progress.Started(i), time, token);
                RunFolder.Write(workspace.RunDirectory(run.Key), workspace.StagingRoot, run, result, Info(run, scenario, wall));
                saved?.Invoke(run.Key);
                return new CompareRun(result, wall);
            }
            catch (DivergenceException ex)
            {
                // One blow-up is one failed point of the batch, recorded with its round and unit; the other runs go on.
                DivergenceException cause = ex.InnerException as DivergenceException ?? ex;
                RunFolder.WriteDiverged(workspace.RunDirectory(run.Key), workspace.StagingRoot, run, scenario, cause,
                    Info(run, scenario, time.GetElapsedTime(started).TotalSeconds));
                diverged[i] = cause.Message;
                saved?.Invoke(run.Key);
                return null;
            }
        }, (i, run) =>
        {
            if (run is null)
            {
                progress.Diverged(i, diverged[i]);
            }
            else
            {
                progress.Finished(i, run);
            }
        }, cancellationToken));
    }

    private static RunInfo Info(PlannedRun run, Scenario scenario, double wallSeconds)
        => new(run.ScenarioSource, wallSeconds, scenario.Stop.TargetAccuracy, Workers: 1)
        {
            GridIntensityLabels = [.. scenario.Sites.Select(s => s.Energy.GridIntensityLabel)],
        };
}
