namespace Verdant.Core.Simulation;

/// <summary>
/// A training job as the clock and the meters see it: what it is, FLOPs of one local step, bytes of one model copy on the
/// wire, and its parameter count.
/// </summary>
public sealed record JobDescription(string Description, double FlopsPerStep, double MessageBytes, long Parameters)
{
    /// <summary>True when the parameter count is implied by the message size (bytes / 4, float32), not read from a model.</summary>
    public bool ParametersImplied { get; init; }
}
