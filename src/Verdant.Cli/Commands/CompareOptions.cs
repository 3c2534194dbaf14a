namespace Verdant.Cli.Commands;

/// <summary>What `verdant compare` was asked for, after parsing.</summary>
/// <remarks><see cref="Concurrency"/> is the number of simulations run at once (null: one per core); not a CLI option.</remarks>
internal sealed record CompareOptions(string? ScenarioPath, string Policies, int Seeds, int? Rounds, string? OutputDirectory,
    string? DataDirectory, bool Full, double? TargetAccuracy, int? Concurrency = null)
{
    /// <summary>With a folder: the suite comparison over its scenario files.</summary>
    public string? Suite { get; init; }

    /// <summary>The policy the suite checks every baseline against.</summary>
    public string Recommended { get; init; } = Verdant.Core.Policies.PolicyCatalog.Recommended;

    /// <summary>Replace a different suite found in the output folder.</summary>
    public bool Force { get; init; }

    /// <summary>Stops the suite after the runs in flight (Ctrl+C); finished runs stay saved.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called with each run's key once its folder is saved (tests interrupt a suite with it).</summary>
    public Action<string>? RunSaved { get; init; }
}
