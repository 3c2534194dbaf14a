using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class ActiveGraphTests
{
    [Theory]
    [InlineData(TopologyKind.EnergySparse)]
    [InlineData(TopologyKind.KNearest)]
    [InlineData(TopologyKind.Ring)]
    [InlineData(TopologyKind.Hypercube)]
    public void Build_RandomActiveSubsets_ConnectedOverActiveAndNoEdgeToInactive(TopologyKind kind)
    {
        Scenario scenario = TestScenarios.Small("all") with { Topology = new TopologySpec(kind, K: 2) { MinSpectralGap = 0.15 } };
        var fleet = new Fleet(scenario, new NetworkModel(scenario.Network));
        var random = new Random(5);
        for (int trial = 0; trial < 30; trial++)
        {
            bool[] active = Enumerable.Range(0, fleet.Count).Select(_ => random.NextDouble() < 0.6).ToArray();

            (Graph graph, _) = ActiveGraph.Build(scenario.Topology, active, fleet, random, (a, b) => 1 + fleet.DistanceKm(a, b));

            Assert.True(graph.IsConnected(active));
            foreach ((int a, int b) in graph.Edges())
            {
                Assert.True(active[a] && active[b]);
            }

            int count = active.Count(x => x);
            if (kind == TopologyKind.EnergySparse && count > 1)
            {
                var mixing = new MixingMatrix(graph);
                mixing.Rebuild(active);
                Assert.True(mixing.SpectralGap(active) >= 0.15 - 1e-9);
            }
        }
    }
}
