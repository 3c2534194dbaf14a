namespace Verdant.Cli.Commands;

/// <summary>What `verdant compare` was asked for, after parsing.</summary>
/// <remarks><see cref="Concurrency"/> is the number of simulations run at once (null: one per core); not a CLI option.</remarks>
internal sealed record CompareOptions(string? ScenarioPath, string Policies, int Seeds, int? Rounds, string? OutputDirectory,
    string? DataDirectory, bool Full, double? TargetAccuracy, int? Concurrency = null)
{
    /// <summary>Replace a non-empty output folder whole (--force).</summary>
    public bool Force { get; init; }
}
