using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

/// <summary>Tiny scenarios on synthetic data that run in well under a second.</summary>
internal static class TestScenarios
{
    public static readonly HardwareProfile Gpu = new("test-gpu", 1e14, 400, 60, 0, "test");

    public static (Dataset Train, Dataset Test) Data()
    {
        (Dataset all, _) = SyntheticLogistic.Create(1200, 12, 4, new Random(11));
        return (all, all);
    }

    /// <summary>Four sites, two units each: a sunny one, a windy one, a clean grid and a coal grid.</summary>
    public static Scenario Small(string policy, int rounds = 40, int seed = 1) => new(
        "small",
        new DateTimeOffset(2026, 6, 21, 6, 0, 0, TimeSpan.Zero),
        [
            new Site("sunny", 2, Gpu, 1.2, new SiteEnergySpec(new GeoPoint(37.4, -5.9), 40, 0, "ES")),
            new Site("windy", 2, Gpu, 1.1, new SiteEnergySpec(new GeoPoint(56.0, -3.0), 0, 30, "GB")),
            new Site("clean", 2, Gpu, 1.2, new SiteEnergySpec(new GeoPoint(59.3, 18.1), 0, 0, "SE")),
            new Site("coal", 2, Gpu, 1.5, new SiteEnergySpec(new GeoPoint(52.2, 21.0), 0, 0, "PL")),
        ],
        ModelSpec.LogisticRegression(12, 4),
        new PartitionSpec(PartitionKind.Iid),
        new TopologySpec(TopologyKind.Ring),
        new SgdOptions(0.2f, 16, 1),
        new WorkloadSpec(3e16, 2e8),
        policy,
        new PolicyOptions(k: 3, epochMinutes: 60),
        new StopRule(rounds, 0.5, 24 * 5),
        new NetworkOptions(),
        seed,
        EvaluateEveryNodeRounds: 40);
}
