namespace Verdant.Core.Simulation;

/// <summary>
/// One training round: when it started, how long it lasted, who trained and who made the deadline, the mean training loss, the
/// participants' average model's test metrics when evaluated (NaN otherwise; reported only), energy by source, carbon and bytes.
/// </summary>
public sealed record RoundRecord(int Round, DateTimeOffset StartUtc, double DurationS, int ActiveUnits, int OnTimeUnits, double TrainLoss,
    double TestAccuracy, double TestLoss, double ComputeKwh, double IdleKwh, double NetworkKwh, double RenewableKwh, double BatteryKwh,
    double GridKwh, double CarbonG, long BytesSent)
{
    /// <summary>The deployed model's validation accuracy when evaluated (NaN otherwise): what stopping and policies read.</summary>
    public double ValidationAccuracy { get; init; } = double.NaN;

    /// <summary>Wake-up energy of units switched on from off, charged before this round (kWh).</summary>
    public double WakeKwh { get; init; }
}
