namespace Verdant.Core.Simulation;

/// <summary>
/// When a run ends: after <paramref name="MaxRounds"/> training rounds, when the average model reaches
/// <paramref name="TargetAccuracy"/> (if set and <paramref name="StopAtTarget"/>), or at the simulated deadline.
/// </summary>
public sealed record StopRule(int MaxRounds, double? TargetAccuracy, double DeadlineHours, bool StopAtTarget = false);
