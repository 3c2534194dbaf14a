using System.CommandLine;
using Verdant.Cli.Console;
using Verdant.Cli.Output;

namespace Verdant.Cli.Commands;

/// <summary>`verdant samples [--out DIR]`: writes the sample series files that scenarios/imports.yaml reads.</summary>
internal static class SamplesCommand
{
    public const string DefaultDirectory = "scenarios/data";

    private static readonly Option<string?> OutOption = new("--out")
    {
        Description = $"Directory to write the sample CSV files into (default {DefaultDirectory})",
    };

    public static Command Create(ConsoleUi ui)
    {
        var command = new Command("samples", "Write small generated sample files in every series import layout") { OutOption };
        command.SetAction(parse => Execute(ui, parse.GetValue(OutOption) ?? DefaultDirectory));
        return command;
    }

    public static int Execute(ConsoleUi ui, string directory) => Guard.Run(ui, () =>
    {
        OutputFolder.Check(directory, "--out", mustBeEmpty: false, force: false, line => ui.Error($"warning: {line}"));
        IReadOnlyList<string> names = SampleFiles.WriteAll(directory);
        ui.Info($"wrote {names.Count} sample files to {directory}");
        return ExitCodes.Ok;
    });
}
