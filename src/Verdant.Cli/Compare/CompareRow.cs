using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>The headline numbers of one (policy, seed) run of a comparison: one row of compare.csv.</summary>
/// <remarks>
/// <see cref="TimeToTargetHours"/> is null when the run did not reach the target accuracy. Energy and carbon are the
/// whole run's: "to reach the target" when the run stopped there (the default of `verdant compare`).
/// </remarks>
internal sealed record CompareRow(
    string Policy,
    int Seed,
    double? TimeToTargetHours,
    double FinalAccuracy,
    double EnergyKwh,
    double GridKwh,
    double CarbonKg,
    long BytesSent,
    long NodeRounds,
    double SimulatedHours,
    int Rounds,
    string StopReason)
{
    /// <summary>Whether the run reached the target accuracy.</summary>
    public bool ReachedTarget => TimeToTargetHours is not null;

    public static CompareRow From(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CompareRow(result.Policy, result.Seed, result.TimeToTargetHours, result.Final.TestAccuracy,
            result.Energy.TotalKwh, result.Energy.GridKwh, result.Energy.CarbonKg, result.BytesSent, result.NodeRounds,
            result.SimulatedHours, result.Rounds.Count, result.StopReason);
    }
}
