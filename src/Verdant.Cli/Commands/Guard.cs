using Verdant.Cli.Console;
using Verdant.Cli.Scenarios;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Commands;

/// <summary>Maps failures to one clear line and an exit code: 2 for bad input, 1 for everything else; never a stack trace.</summary>
internal static class Guard
{
    public static int Run(ConsoleUi ui, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is ScenarioException or UsageException)
        {
            ui.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (NativeLibraryMissingException ex)
        {
            ui.Error(ex.Message);
            return ExitCodes.Failure;
        }
        catch (DivergenceException ex)
        {
            ui.Error(ex.Message + "; lower the learning rate or check the data");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (Interrupt.Requested)
        {
            ui.Error("interrupted; no output was written");
            return ExitCodes.Interrupted;
        }
        catch (OperationCanceledException)
        {
            ui.Error("cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ui.Error(ex.Message);
            return ExitCodes.Failure;
        }
    }
}
