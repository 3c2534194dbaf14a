namespace Verdant.Core.Simulation;

/// <summary>What the simulation reports after each round, for a progress display.</summary>
public sealed record RoundProgress(int Round, int MaxRounds, DateTimeOffset SimulatedUtc, double SimulatedHours,
    double LastAccuracy, double EnergyKwh, double CarbonKg, int ActiveUnits);
