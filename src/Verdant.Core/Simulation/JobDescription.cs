namespace Verdant.Core.Simulation;

/// <summary>
/// A training job as the clock and the meters see it: what it is, FLOPs of one local step, bytes of one model copy on the
/// wire, and its parameter count when known (0 otherwise).
/// </summary>
public sealed record JobDescription(string Description, double FlopsPerStep, double MessageBytes, long Parameters);
