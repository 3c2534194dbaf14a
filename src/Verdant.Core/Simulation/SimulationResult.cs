using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>The outcome of a run: per-round and per-decision records, the ledger, totals and final metrics.</summary>
public sealed record SimulationResult(
    string Scenario,
    string Policy,
    int Seed,
    IReadOnlyList<RoundRecord> Rounds,
    IReadOnlyList<DecisionRecord> Decisions,
    IReadOnlyList<SiteHourRecord> EnergyRows,
    IReadOnlyList<string> SiteNames,
    EnergyTotals Energy,
    FinalMetrics Final,
    double SimulatedHours,
    long BytesSent,
    long NodeRounds,
    double? TimeToTargetHours,
    string StopReason)
{
    /// <summary>Network energy by hour (its own account: grid only, carbon at the mean of both ends' intensities).</summary>
    public IReadOnlyList<NetworkHourRecord> NetworkRows { get; init; } = [];

    /// <summary>The model actually trained, which sets the learning dynamics.</summary>
    public JobDescription? TrainedModel { get; init; }

    /// <summary>The job the clock, energy and bytes stand for (the scenario's workload).</summary>
    public JobDescription? RepresentedJob { get; init; }
}
