using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Verdant.Cli.Console;
using Verdant.Cli.Output;
using Verdant.Cli.Scenarios;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Commands;

/// <summary>`verdant run [SCENARIO] [--policy NAME] [--rounds N] [--seed S] [--out DIR] [--data-dir DIR]`.</summary>
internal static class RunCommand
{
    private static readonly Argument<string?> ScenarioArgument = new("scenario")
    {
        Description = "Scenario YAML file (default: the embedded default scenario)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create(ConsoleUi ui, TimeProvider time)
    {
        var command = new Command("run", "Simulate energy-aware decentralized training on one scenario")
        {
            ScenarioArgument, CommonOptions.Policy, CommonOptions.Rounds, CommonOptions.Seed, CommonOptions.Out,
            CommonOptions.DataDir, CommonOptions.Workers, CommonOptions.Force,
        };
        command.SetAction(parse => Execute(ui, time, new RunOptions(
            parse.GetValue(ScenarioArgument), parse.GetValue(CommonOptions.Policy), parse.GetValue(CommonOptions.Rounds),
            parse.GetValue(CommonOptions.Seed), parse.GetValue(CommonOptions.Out), parse.GetValue(CommonOptions.DataDir),
            parse.GetValue(CommonOptions.Workers), parse.GetValue(CommonOptions.Force))));
        return command;
    }

    public static int Execute(ConsoleUi ui, TimeProvider time, RunOptions options)
    {
        return Guard.Run(ui, () =>
        {
            LoadedScenario loaded = RunSetup.LoadScenario(options.ScenarioPath, options.Policy, options.Rounds, options.Seed, options.DataDirectory);
            Scenario scenario = loaded.Scenario;
            Array.ForEach([.. loaded.Warnings], warning => ui.Error($"warning: {warning}"));
            string output = options.OutputDirectory ?? Path.Combine("runs",
                $"{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{scenario.PolicyName}");
            RunSetup.CheckOutput(ui, output, options.OutputDirectory is not null, options.Force);
            (Dataset train, Dataset test) = RunSetup.LoadData(loaded);
            IGemm gemm = RunSetup.CreateGemm();
            long started = time.GetTimestamp();
            RunSetup.AnnounceSetUp(ui, scenario);
            using var simulation = new Simulation(scenario, train, test, gemm, options.Workers ?? RunSetup.DefaultWorkers);
            SimulationResult result = ui.WithProgress($"{scenario.Name} / {scenario.PolicyName}", scenario.Stop.MaxRounds,
                progress => simulation.Run(progress, Interrupt.Token));
            double wall = time.GetElapsedTime(started).TotalSeconds;
            RunFiles.Write(output, result, new RunInfo(loaded.Source, wall, scenario.Stop.TargetAccuracy, options.Workers ?? RunSetup.DefaultWorkers)
            {
                GridIntensityLabels = [.. scenario.Sites.Select(s => s.Energy.GridIntensityLabel)],
            });
            ReportCommand.WriteAfter(ui, output);
            ui.Output.Write(SummaryTable.Build(result, wall, output));
            return ExitCodes.Ok;
        });
    }
}
