using System.CommandLine;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;

namespace Verdant.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Interrupt.Install();
        var ui = ConsoleUi.CreateDefault();
        try
        {
            return Invoke(args, ui, TimeProvider.System);
        }
#pragma warning disable CA1031 // The last line of defence: a bug gets one line and exit 1, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ui.Error($"internal error ({ex.GetType().Name}): {ex.Message}; please report this with the command that caused it");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Parses and runs; a parse error prints its message and returns 2 without running anything.</summary>
    public static int Invoke(string[] args, ConsoleUi ui, TimeProvider time)
    {
        RootCommand root = CommandLine.Build(ui, time);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            ui.Error(ParseErrors.Describe(parse, root));
            return ExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
