using System.CommandLine;
using Verdant.Cli.Console;

namespace Verdant.Cli.Commands;

/// <summary>`verdant cluster run|silo`: the same scenario trained by units on Microsoft Orleans silos.</summary>
internal static class ClusterCommand
{
    public static Command Create(ConsoleUi ui, TimeProvider time) => new("cluster", "Train a scenario for real on Microsoft Orleans silos")
    {
        ClusterRunCommand.Create(ui, time),
        ClusterSiloCommand.Create(ui),
        ClusterBenchCommand.Create(ui),
        ClusterCertCommand.Create(ui, time),
    };
}
