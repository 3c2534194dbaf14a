namespace Verdant.Core.Simulation;

/// <summary>
/// One training round: when it started, how long it lasted, who trained and who made the deadline, the mean training loss, the average model's
/// test metrics when evaluated (NaN otherwise), energy by source, carbon and bytes.
/// </summary>
public sealed record RoundRecord(int Round, DateTimeOffset StartUtc, double DurationS, int ActiveUnits, int OnTimeUnits, double TrainLoss,
    double TestAccuracy, double TestLoss, double ComputeKwh, double IdleKwh, double NetworkKwh, double RenewableKwh, double BatteryKwh,
    double GridKwh, double CarbonG, long BytesSent);
