namespace Verdant.Core.Policies;

/// <summary>
/// Remaining work to the target in node-rounds, counted at <paramref name="ReferenceUnits"/> active units per round (the
/// mean count so far), and how it was obtained (<paramref name="Basis"/>: fit, prior, reached, no target).
/// </summary>
public sealed record WorkEstimate(double RemainingNodeRounds, double ReferenceUnits, string Basis);
