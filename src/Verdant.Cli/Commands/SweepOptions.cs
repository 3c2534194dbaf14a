namespace Verdant.Cli.Commands;

/// <summary>What `verdant sweep` was asked for, after parsing.</summary>
/// <remarks><see cref="Jobs"/>: simulations at once (null: one per core). The last two are for tests and Ctrl+C.</remarks>
internal sealed record SweepOptions(string SweepPath, string? OutputDirectory, string? DataDirectory, int? Jobs, bool Force)
{
    /// <summary>Stops the sweep after the runs in flight; finished runs stay saved.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called with each run's key once its folder is saved.</summary>
    public Action<string>? RunSaved { get; init; }
}
