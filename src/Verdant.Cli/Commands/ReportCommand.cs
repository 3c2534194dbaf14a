using System.CommandLine;
using Verdant.Cli.Console;
using Verdant.Cli.Report;

namespace Verdant.Cli.Commands;

/// <summary>`verdant report DIR`: writes DIR/report.html from the output files of a run, a comparison or a suite.</summary>
internal static class ReportCommand
{
    private static readonly Argument<string> DirectoryArgument = new("dir")
    {
        Description = "Output folder of `verdant run`, `verdant compare` or a suite",
    };

    public static Command Create(ConsoleUi ui)
    {
        var command = new Command("report", "Write a self-contained HTML report (report.html) for an output folder") { DirectoryArgument };
        command.SetAction(parse => Execute(ui, parse.GetValue(DirectoryArgument) ?? string.Empty));
        return command;
    }

    public static int Execute(ConsoleUi ui, string directory) => Guard.Run(ui, () =>
    {
        try
        {
            ui.Info($"wrote {HtmlReport.Write(directory)}");
            return ExitCodes.Ok;
        }
        catch (ReportException ex)
        {
            ui.Error(ex.Message);
            return ExitCodes.BadInput;
        }
    });

    /// <summary>
    /// The report at the end of `run` and `compare`: the run's files are already safe in place, so a report that cannot
    /// be drawn is said on the error stream and does not fail the command.
    /// </summary>
    public static void WriteAfter(ConsoleUi ui, string directory)
    {
        try
        {
            HtmlReport.Write(directory);
        }
        catch (Exception ex) when (ex is ReportException or IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException)
        {
            ui.Error($"warning: report.html not written: {ex.Message}");
        }
    }
}
