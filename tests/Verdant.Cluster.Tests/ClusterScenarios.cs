using Verdant.Cluster.Hosting;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests;

/// <summary>A three-site scenario on synthetic data, small enough for a cluster of in-process silos.</summary>
internal static class ClusterScenarios
{
    public static readonly HardwareProfile Gpu = new("test-gpu", 1e14, 400, 60, 0, "test");

    public static readonly string[] SiteNames = ["sunny", "windy", "coal"];

    public static (Dataset Train, Dataset Test) Data()
    {
        (Dataset all, _) = SyntheticLogistic.Create(900, 12, 4, new Random(11));
        return (all, all);
    }

    public static Scenario Small(string policy, int rounds = 24, int seed = 3) => new(
        "cluster-test",
        new DateTimeOffset(2026, 6, 21, 6, 0, 0, TimeSpan.Zero),
        [
            new Site("sunny", 2, Gpu, 1.2, new SiteEnergySpec(new GeoPoint(37.4, -5.9), 40, 0, "ES")),
            new Site("windy", 2, Gpu, 1.1, new SiteEnergySpec(new GeoPoint(56.0, -3.0), 0, 30, "GB")),
            new Site("coal", 2, Gpu, 1.5, new SiteEnergySpec(new GeoPoint(52.2, 21.0), 0, 0, "PL")),
        ],
        ModelSpec.LogisticRegression(12, 4),
        new PartitionSpec(PartitionKind.Iid),
        new TopologySpec(TopologyKind.Ring),
        new SgdOptions(0.2f, 16, 2, momentum: 0.9f, weightDecay: 1e-4f),
        new WorkloadSpec(3e16, 2e8),
        policy,
        new PolicyOptions(k: 3, epochMinutes: 60),
        new StopRule(rounds, 0.99, 24 * 5),
        new NetworkOptions(),
        seed,
        EvaluateEveryNodeRounds: 4);

    public static ClusterWorkload Workload(Scenario scenario)
    {
        (Dataset train, Dataset test) = Data();
        return new ClusterWorkload(scenario, train, test, new ManagedGemm());
    }

    public static SimulationResult Simulate(Scenario scenario)
    {
        (Dataset train, Dataset test) = Data();
        using var simulation = new Simulation(scenario, train, test, new ManagedGemm(), workers: 1);
        return simulation.Run();
    }
}
