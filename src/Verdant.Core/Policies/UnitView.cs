namespace Verdant.Core.Policies;

/// <summary>What a policy sees of one unit: its site, speed (FLOP/s) and power when training (W, PUE and network share included).</summary>
public sealed record UnitView(int Index, int Site, double SustainedFlops, double TrainingPowerW);
