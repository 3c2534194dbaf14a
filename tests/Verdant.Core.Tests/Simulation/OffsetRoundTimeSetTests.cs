using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public sealed class OffsetRoundTimeSetTests
{
    public static TheoryData<TopologyKind, int> Cases()
    {
        var data = new TheoryData<TopologyKind, int>();
        foreach (TopologyKind kind in new[] { TopologyKind.Ring, TopologyKind.Exponential, TopologyKind.Complete, TopologyKind.Hypercube, TopologyKind.Torus })
        {
            for (int seed = 0; seed < 12; seed++)
            {
                data.Add(kind, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrefixSeconds_RandomFleets_EqualTheGraphBuiltForEveryPrefixBitForBit(TopologyKind kind, int seed)
    {
        var random = new Random(seed);
        (SimulatedRoundTime model, int n) = RandomModel(kind, random, out bool[] on);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        double[] fast = RoundTimeSetAssert.Prefix(model.OpenSet(n), order);
        double[] reference = RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order);

        Assert.IsType<OffsetRoundTimeSet>(model.OpenSet(n));
        Assert.Equal(reference, fast);
        Assert.Contains(on, x => !x);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seconds_RandomJoinsAndLeaves_EqualTheGraphBuiltForTheMembers(TopologyKind kind, int seed)
    {
        var random = new Random(1000 + seed);
        (SimulatedRoundTime model, int n) = RandomModel(kind, random, out _);
        IRoundTimeSet fast = model.OpenSet(n);
        var reference = new MaskRoundTimeSet(model, n);

        for (int step = 0; step < 3 * n; step++)
        {
            int unit = random.Next(n);
            bool join = random.NextDouble() < 0.6;
            RoundTimeSetAssert.StepAndCompare(fast, reference, unit, join);
        }
    }

    [Fact]
    public void OpenSet_ErdosRenyi_FallsBackToTheGraphPerReading()
    {
        (SimulatedRoundTime model, int n) = RandomModel(TopologyKind.ErdosRenyi, new Random(3), out _);

        Assert.IsType<MaskRoundTimeSet>(model.OpenSet(n));
    }

    // Heterogeneous hardware (with ties), shared locations (zero latency between sites), egress caps, boot delays and a
    // mix of units on and off.
    private static (SimulatedRoundTime Model, int Units) RandomModel(TopologyKind kind, Random random, out bool[] on)
    {
        Scenario quick = TestScenarios.Small("adaptive", rounds: 1);
        double[] flops = [5e13, 1e14, 1e14, 2e14];
        double[] boot = [0, 30, 90];
        GeoPoint[] places = [new(37.4, -5.9), new(56.0, -3.0), new(59.3, 18.1), new(-33.9, 151.2), new(35.7, 139.7)];
        int sites = random.Next(1, 8);
        Site[] list = [.. Enumerable.Range(0, sites).Select(s => new Site($"s{s}", random.Next(1, 10),
            TestScenarios.Gpu with { SustainedFlops = flops[random.Next(flops.Length)], BootS = boot[random.Next(boot.Length)] },
            1.2, new SiteEnergySpec(places[random.Next(places.Length)], 0, 0, "SE"))
        {
            EgressBitsPerS = random.NextDouble() < 0.3 ? 2e9 + random.Next(0, 3) * 1e9 : null,
        })];
        Scenario scenario = quick with
        {
            Sites = list,
            Topology = new TopologySpec(kind),
            Workload = new WorkloadSpec(3e16, 1e8 * random.Next(1, 5)),
        };
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        on = [.. Enumerable.Range(0, fleet.Count).Select(i => i == 0 || random.NextDouble() < 0.5)];
        on[0] = false;
        return (new SimulatedRoundTime(scenario, fleet, network, (_, _) => 0, on), fleet.Count);
    }
}
