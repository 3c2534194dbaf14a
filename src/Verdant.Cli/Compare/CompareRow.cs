using Verdant.Cli.Engine;
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

    /// <summary>The same row read back from a finished run's summary.json (the suite and sweeps aggregate from files).</summary>
    public static CompareRow From(FinishedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        double time = run.Number("time_to_target_hours");
        return new CompareRow(run.Text("policy"), (int)run.Number("seed"), double.IsNaN(time) ? null : time,
            run.Number("final.test_accuracy"), run.Number("energy_kwh.total"), run.Number("energy_kwh.grid"), run.Number("carbon_kg"),
            (long)run.Number("bytes_sent"), (long)run.Number("node_rounds"), run.Number("simulated_hours"), (int)run.Number("rounds"),
            run.Text("stop_reason"));
    }
}
