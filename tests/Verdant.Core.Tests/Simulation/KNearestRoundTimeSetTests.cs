using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public sealed class KNearestRoundTimeSetTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 70; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PrefixSeconds_RandomFleets_EqualTheGraphBuiltForEveryPrefixBitForBit(int seed)
    {
        var random = new Random(seed);
        (SimulatedRoundTime model, int n) = RandomModel(random, out bool[] on);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        double[] fast = RoundTimeSetAssert.Prefix(model.OpenSet(n), order);
        double[] reference = RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order);

        Assert.IsType<KNearestRoundTimeSet>(model.OpenSet(n));
        Assert.Equal(reference, fast);
        Assert.Contains(on, x => !x);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seconds_RandomJoinsAndLeaves_EqualTheGraphBuiltForTheMembers(int seed)
    {
        var random = new Random(1000 + seed);
        (SimulatedRoundTime model, int n) = RandomModel(random, out _);
        IRoundTimeSet fast = model.OpenSet(n);
        var reference = new MaskRoundTimeSet(model, n);

        // Leaves as often as joins once the set is half full, so sites shrink back through k + 1 members and to none.
        for (int step = 0; step < 4 * n; step++)
        {
            int unit = random.Next(n);
            bool join = random.NextDouble() < (fast.Count < n / 2 ? 0.7 : 0.4);
            RoundTimeSetAssert.StepAndCompare(fast, reference, unit, join);
        }
    }

    [Theory]
    [MemberData(nameof(ManySiteSeeds))]
    public void Seconds_ManySmallSitesJoiningAndLeaving_EqualTheGraphBuiltForTheMembers(int seed)
    {
        // Many components to join, and sites that fill and empty again (the join's tree grows and is rebuilt).
        var random = new Random(2000 + seed);
        (SimulatedRoundTime model, int n) = RandomModel(random, out _, sites: random.Next(9, 41), sizes: [1, 2, 3, 6]);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];
        IRoundTimeSet fast = model.OpenSet(n);
        var reference = new MaskRoundTimeSet(model, n);

        Assert.Equal(RoundTimeSetAssert.Prefix(reference, order), RoundTimeSetAssert.Prefix(fast, order));
        for (int step = 0; step < 3 * n; step++)
        {
            int unit = random.Next(n);
            bool join = random.NextDouble() < 0.35;
            RoundTimeSetAssert.StepAndCompare(fast, reference, unit, join);
        }
    }

    public static TheoryData<int> ManySiteSeeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 20; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Fact]
    public void PrefixSeconds_LargerSites_EqualTheGraphBuiltForEveryPrefixBitForBit()
    {
        // Sites far above k + 1 units, whose smallest members carry hundreds of in-edges and the site's egress share.
        var random = new Random(4242);
        (SimulatedRoundTime model, int n) = RandomModel(random, out _, k: 4, sites: 12, sizes: [40, 60, 90]);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        Assert.Equal(RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order), RoundTimeSetAssert.Prefix(model.OpenSet(n), order));
    }

    [Fact]
    public void Seconds_SitesRemovedInIndexOrder_EqualTheGraphBuiltForTheMembers()
    {
        // Removing the smallest members first moves every site's k + 1 smallest at each step.
        var random = new Random(77);
        (SimulatedRoundTime model, int n) = RandomModel(random, out _);
        IRoundTimeSet fast = model.OpenSet(n);
        var reference = new MaskRoundTimeSet(model, n);
        for (int unit = 0; unit < n; unit++)
        {
            fast.Add(unit);
            reference.Add(unit);
        }

        for (int unit = 0; unit < n; unit++)
        {
            Assert.Equal(reference.Seconds(), fast.Seconds());
            fast.Remove(unit);
            reference.Remove(unit);
        }

        Assert.Equal(0, fast.Seconds());
    }

    [Fact]
    public void Seconds_SiteBitsBeyondExactIntegers_EqualTheGraphBuilt()
    {
        // Message sizes whose bit sums could round: the set reads through the graph, and still agrees.
        (SimulatedRoundTime model, int n) = RandomModel(new Random(5), out _, messageBytes: 1e15);
        int[] order = [.. Enumerable.Range(0, n).Reverse()];

        Assert.Equal(RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order), RoundTimeSetAssert.Prefix(model.OpenSet(n), order));
    }

    [Fact]
    public void OpenSet_KBelowOne_FallsBackToTheGraphPerReading()
    {
        (SimulatedRoundTime model, int n) = RandomModel(new Random(3), out _, k: 0);

        Assert.IsType<MaskRoundTimeSet>(model.OpenSet(n));
    }

    // Sites of 1 to 24 units (so both below and above k + 1), k from 1 to 5, places that coincide or lie at equal
    // distances (ties between sites), heterogeneous hardware, egress caps, boot delays and units on and off.
    private static (SimulatedRoundTime Model, int Units) RandomModel(Random random, out bool[] on, double? messageBytes = null,
        int? k = null, int? sites = null, int[]? sizes = null)
    {
        Scenario quick = TestScenarios.Small("adaptive", rounds: 1);
        double[] flops = [5e13, 1e14, 1e14, 2e14];
        double[] boot = [0, 30, 90];
        GeoPoint[] places = [new(0, 0), new(10, 0), new(-10, 0), new(0, 10), new(56.0, -3.0), new(-33.9, 151.2)];
        int siteCount = sites ?? random.Next(1, 9);
        sizes ??= [1, 2, 3, 5, 7, 12, 24];
        Site[] list = [.. Enumerable.Range(0, siteCount).Select(s => new Site($"s{s}", sizes[random.Next(sizes.Length)],
            TestScenarios.Gpu with { SustainedFlops = flops[random.Next(flops.Length)], BootS = boot[random.Next(boot.Length)] },
            1.2, new SiteEnergySpec(random.NextDouble() < 0.5 ? places[random.Next(places.Length)]
                : new GeoPoint(random.Next(-60, 61), random.Next(-180, 180)), 0, 0, "SE"))
        {
            EgressBitsPerS = random.NextDouble() < 0.4 ? 2e9 + random.Next(0, 3) * 1e9 : null,
        })];
        Scenario scenario = quick with
        {
            Sites = list,
            Topology = new TopologySpec(TopologyKind.KNearest, K: k ?? random.Next(1, 6)),
            Workload = new WorkloadSpec(3e16, messageBytes ?? 1e8 * random.Next(1, 5)),
        };
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        on = [.. Enumerable.Range(0, fleet.Count).Select(i => i == 0 || random.NextDouble() < 0.5)];
        on[0] = false;
        return (new SimulatedRoundTime(scenario, fleet, network, (_, _) => 0, on), fleet.Count);
    }
}
