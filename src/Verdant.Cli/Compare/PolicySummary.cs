namespace Verdant.Cli.Compare;

/// <summary>One policy's results over its seeds: how many reached the target, and each metric's mean and spread.</summary>
/// <remarks>Time to target is averaged over the seeds that reached it only; every other metric over all seeds.</remarks>
internal sealed record PolicySummary(
    string Policy,
    int Seeds,
    int Reached,
    MeanSpread TimeToTargetHours,
    MeanSpread FinalAccuracy,
    MeanSpread EnergyKwh,
    MeanSpread GridKwh,
    MeanSpread CarbonKg,
    MeanSpread BytesSent,
    MeanSpread NodeRounds);
