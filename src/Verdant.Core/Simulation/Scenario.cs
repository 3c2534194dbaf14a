using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>Everything that defines a run, validated by whoever builds it (the CLI's scenario loader).</summary>
/// <remarks>
/// <c>EvaluateEveryNodeRounds</c>: the participants' model is evaluated at the first round end after each multiple of
/// that many node-rounds (units x rounds of training), a cadence that does not depend on how many units a policy runs.
/// </remarks>
public sealed record Scenario(
    string Name,
    DateTimeOffset StartUtc,
    IReadOnlyList<Site> Sites,
    ModelSpec Model,
    PartitionSpec Partition,
    TopologySpec Topology,
    SgdOptions Training,
    WorkloadSpec Workload,
    string PolicyName,
    PolicyOptions Policy,
    StopRule Stop,
    NetworkOptions Network,
    int Seed,
    int EvaluateEveryNodeRounds)
{
    /// <summary>What policies may know of the future (perfect unless set).</summary>
    public ForecastKind Forecast { get; init; } = ForecastKind.Perfect;

    /// <summary>How long a round waits for its units.</summary>
    public RoundDeadline Deadline { get; init; } = RoundDeadline.WaitAll;

    /// <summary>What units left out of training draw.</summary>
    public InactivePower Inactive { get; init; } = InactivePower.Off;

    /// <summary>
    /// Training examples held out as the validation set that stopping and policies read (at most a tenth of the training
    /// set; drawn with the seed's validation stream).
    /// </summary>
    public int ValidationExamples { get; init; } = 5000;

    /// <summary>Total compute units over all sites: the node count N.</summary>
    public int UnitCount => Sites.Sum(s => s.Units);
}
