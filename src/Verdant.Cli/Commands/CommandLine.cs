using System.CommandLine;
using Verdant.Cli.Console;

namespace Verdant.Cli.Commands;

/// <summary>The root command with every subcommand.</summary>
internal static class CommandLine
{
    public static RootCommand Build(ConsoleUi ui, TimeProvider time)
    {
        var root = new RootCommand("Verdant: energy- and carbon-aware decentralized machine learning")
        {
            RunCommand.Create(ui, time),
            SamplesCommand.Create(ui),
            CompareCommand.Create(ui, time),
            SweepCommand.Create(ui, time),
            RunsCommand.Create(ui),
            TopologyCommand.Create(ui),
            BenchCommand.Create(ui, System.Console.Error),
        };
        return root;
    }
}
