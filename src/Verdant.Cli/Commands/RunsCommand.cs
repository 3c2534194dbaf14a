using System.CommandLine;
using Verdant.Cli.Console;
using Verdant.Cli.Engine;
using Verdant.Cli.Registry;
using Verdant.Core.Policies;

namespace Verdant.Cli.Commands;

/// <summary>`verdant runs list|show|diff REGISTRY ...`: reads the run registry (runs.db) of a sweep or a suite.</summary>
internal static class RunsCommand
{
    public static Command Create(ConsoleUi ui)
    {
        var command = new Command("runs", "Read the run registry (runs.db) of a sweep or a suite");
        command.Subcommands.Add(List(ui));
        command.Subcommands.Add(Show(ui));
        command.Subcommands.Add(Diff(ui));
        return command;
    }

    private static Argument<string> Registry() => new("registry") { Description = "A sweep or suite folder, or its runs.db" };

    private static Command List(ConsoleUi ui)
    {
        Argument<string> registry = Registry();
        var command = new Command("list", "One line per run: its varying parameters and headline numbers") { registry };
        command.SetAction(parse => Guard.Run(ui, () =>
        {
            string path = parse.GetValue(registry)!;
            IReadOnlyList<FinishedRun> runs = RegistryReader.Read(path);
            ui.Output.Write(RunsTable.List(runs, $"{path}: {runs.Count} runs"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(ConsoleUi ui)
    {
        Argument<string> registry = Registry();
        var run = new Argument<string>("run") { Description = "Run id (see runs list)" };
        var command = new Command("show", "Every parameter and summary field of one run") { registry, run };
        command.SetAction(parse => Guard.Run(ui, () =>
        {
            IReadOnlyList<FinishedRun> runs = RegistryReader.Read(parse.GetValue(registry)!);
            ui.Output.Write(RunsTable.Show(Find(runs, parse.GetValue(run)!, parse.GetValue(registry)!)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Diff(ConsoleUi ui)
    {
        Argument<string> registry = Registry();
        var a = new Argument<string>("a") { Description = "First run id" };
        var b = new Argument<string>("b") { Description = "Second run id" };
        var command = new Command("diff", "The parameters and summary fields that differ between two runs") { registry, a, b };
        command.SetAction(parse => Guard.Run(ui, () =>
        {
            string path = parse.GetValue(registry)!;
            IReadOnlyList<FinishedRun> runs = RegistryReader.Read(path);
            ui.Output.Write(RunsTable.Diff(Find(runs, parse.GetValue(a)!, path), Find(runs, parse.GetValue(b)!, path)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static FinishedRun Find(IReadOnlyList<FinishedRun> runs, string id, string registry)
        => runs.FirstOrDefault(r => r.Key == id) ?? throw new UsageException(
            $"no run '{id}' in {registry}{NameSuggestion.Hint(runs.Select(r => r.Key), id)}; `verdant runs list {registry}` lists them");
}
