using System.Runtime.InteropServices;

namespace Verdant.Cli.Commands;

/// <summary>
/// Ctrl-C and SIGTERM: the first asks the running work to stop (the run ends at the next round, writes nothing, exits
/// 130); a second one ends the process at once, and the next run removes what it left.
/// </summary>
internal static class Interrupt
{
    private static readonly CancellationTokenSource Source = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Cancelled when the user interrupted the process.</summary>
    public static CancellationToken Token => Source.Token;

    public static bool Requested => Source.IsCancellationRequested;

    /// <summary>Registers the signal handlers; called once by Main (tests leave them unset).</summary>
    public static void Install()
    {
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // The first signal is handled here; a second one keeps the default action (terminate).
                context.Cancel = !Source.IsCancellationRequested;
                Source.Cancel();
            }));
        }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the user interrupted.</summary>
    public static void ThrowIfRequested() => Source.Token.ThrowIfCancellationRequested();
}
