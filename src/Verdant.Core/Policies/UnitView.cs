namespace Verdant.Core.Policies;

/// <summary>
/// What a policy sees of one unit: its site, speed (FLOP/s), power when training (W; PUE, network share and amortized
/// wake-up included) and the seconds one round's local computation takes on it.
/// </summary>
public sealed record UnitView(int Index, int Site, double SustainedFlops, double TrainingPowerW, double RoundComputeS);
