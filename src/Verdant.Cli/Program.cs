using System.CommandLine;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;

namespace Verdant.Cli;

internal static class Program
{
    public static int Main(string[] args) => Invoke(args, ConsoleUi.CreateDefault(), TimeProvider.System);

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
