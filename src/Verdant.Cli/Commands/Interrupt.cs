namespace Verdant.Cli.Commands;

/// <summary>Turns Ctrl+C into a cancellation token, so that a suite or sweep stops after saving its finished runs.</summary>
internal static class Interrupt
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
