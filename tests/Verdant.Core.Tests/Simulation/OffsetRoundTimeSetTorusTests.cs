using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

// The torus on every member count (prime: the ring; 2 x m: degree 3; 2 x 2; squares and other grids: degree 4) against the
// graph built by RoundSeconds, bit for bit.
public sealed class OffsetRoundTimeSetTorusTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 64)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PrefixSeconds_RandomTorusFleets_EqualTheGraphBuiltForEveryPrefixBitForBit(int seed)
    {
        var random = new Random(7000 + seed);
        SimulatedRoundTime model = RandomModel(random, out int n);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        double[] fast = RoundTimeSetAssert.Prefix(model.OpenSet(n), order);
        double[] reference = RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order);

        Assert.IsType<OffsetRoundTimeSet>(model.OpenSet(n));
        Assert.Equal(reference, fast);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seconds_RandomTorusJoinsAndLeaves_EqualTheGraphBuiltForTheMembers(int seed)
    {
        var random = new Random(9000 + seed);
        SimulatedRoundTime model = RandomModel(random, out int n);
        IRoundTimeSet fast = model.OpenSet(n);
        var reference = new MaskRoundTimeSet(model, n);
        double join = 0.4 + (0.4 * random.NextDouble());

        for (int step = 0; step < 3 * n; step++)
        {
            int unit = random.Next(n);
            bool add = random.NextDouble() < join;
            RoundTimeSetAssert.StepAndCompare(fast, reference, unit, add);
        }
    }

    [Fact]
    public void PrefixSeconds_OneSitePerUnitAtDistinctPlaces_EqualTheGraphBuiltBitForBit()
    {
        // Every unit its own site: every row wrap and every vertical offset crosses sites, so each neighbour counts.
        var random = new Random(11);
        SimulatedRoundTime model = RandomModel(random, out int n, sites: 36, maxUnits: 1, places: 36);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        Assert.Equal(RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order), RoundTimeSetAssert.Prefix(model.OpenSet(n), order));
    }

    [Fact]
    public void PrefixSeconds_TwelveSitesOfFortyToNinetyUnits_EqualTheGraphBuiltBitForBit()
    {
        // Blocks many rows long on wide grids (up to about 1,000 members, 31 x 32).
        var random = new Random(12);
        SimulatedRoundTime model = RandomModel(random, out int n, sites: 12, minUnits: 40, maxUnits: 90);
        int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];

        Assert.Equal(RoundTimeSetAssert.Prefix(new MaskRoundTimeSet(model, n), order), RoundTimeSetAssert.Prefix(model.OpenSet(n), order));
    }

    // 1-8 sites of 1-40 units (so prefixes pass primes, squares, 2 x m and other grids), heterogeneous hardware with ties,
    // sites sharing a place (zero latency), egress caps, boot delays and units on and off.
    private static SimulatedRoundTime RandomModel(Random random, out int units, int sites = 0, int minUnits = 1,
        int maxUnits = 40, int places = 5)
    {
        Scenario quick = TestScenarios.Small("adaptive", rounds: 1);
        double[] flops = [5e13, 1e14, 1e14, 2e14];
        double[] boot = [0, 30, 90];
        GeoPoint[] spots =
            [.. Enumerable.Range(0, places).Select(p => new GeoPoint(-60 + (127.0 * p % 120), -170 + (211.0 * p % 340)))];
        sites = sites > 0 ? sites : random.Next(1, 9);
        int few = random.Next(1, spots.Length + 1);
        Site[] list = [.. Enumerable.Range(0, sites).Select(s => new Site($"s{s}", random.Next(minUnits, maxUnits + 1),
            TestScenarios.Gpu with { SustainedFlops = flops[random.Next(flops.Length)], BootS = boot[random.Next(boot.Length)] },
            1.2, new SiteEnergySpec(spots[places == 5 ? random.Next(few) : s], 0, 0, "SE"))
        {
            EgressBitsPerS = random.NextDouble() < 0.3 ? 2e9 + random.Next(0, 3) * 1e9 : null,
        })];
        Scenario scenario = quick with
        {
            Sites = list,
            Topology = new TopologySpec(TopologyKind.Torus),
            Workload = new WorkloadSpec(3e16, 1e8 * random.Next(1, 5)),
        };
        var network = new NetworkModel(scenario.Network);
        var fleet = new Fleet(scenario, network);
        double offShare = random.NextDouble();
        bool[] on = [.. Enumerable.Range(0, fleet.Count).Select(_ => random.NextDouble() >= offShare)];
        units = fleet.Count;
        return new SimulatedRoundTime(scenario, fleet, network, (_, _) => 0, on);
    }
}
