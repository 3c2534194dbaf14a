namespace Verdant.Cli.Commands;

/// <summary>
/// Turns Ctrl+C into a cancellation token for the length of one command, so that a suite or sweep stops after saving
/// its finished runs (the first Ctrl+C; a second one ends the process).
/// </summary>
internal static class InterruptScope
{
    public static int OnCtrlC(Func<CancellationToken, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var cancel = new CancellationTokenSource();
        void Handler(object? sender, ConsoleCancelEventArgs e)
        {
            // The first Ctrl+C asks for a clean stop; a second one ends the process as usual.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        }

        System.Console.CancelKeyPress += Handler;
        try
        {
            return body(cancel.Token);
        }
        finally
        {
            System.Console.CancelKeyPress -= Handler;
        }
    }
}
