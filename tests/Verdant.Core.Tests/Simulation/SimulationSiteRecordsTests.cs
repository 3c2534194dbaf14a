using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

/// <summary>What a run records per site for maps and reports: active units per site and the active graph by site pair.</summary>
public class SimulationSiteRecordsTests
{
    private static SimulationResult Run(Scenario scenario)
    {
        var (train, test) = TestScenarios.Data();
        using var simulation = new Verdant.Core.Simulation.Simulation(scenario, train, test, new ManagedGemm(), workers: 1);
        return simulation.Run();
    }

    [Fact]
    public void Decisions_ActiveBySite_SumsToActiveUnitsWithinEachSite()
    {
        Scenario scenario = TestScenarios.Small("greenest-k");
        SimulationResult r = Run(scenario);

        Assert.NotEmpty(r.Decisions);
        Assert.All(r.Decisions, d =>
        {
            Assert.Equal(scenario.Sites.Count, d.ActiveUnitsBySite.Count);
            Assert.Equal(d.ActiveUnits, d.ActiveUnitsBySite.Sum());
            Assert.Equal(d.ActiveSites, d.ActiveUnitsBySite.Count(n => n > 0));
            Assert.All(d.ActiveUnitsBySite.Select((n, s) => (n, s)), x => Assert.InRange(x.n, 0, scenario.Sites[x.s].Units));
        });
        Assert.Equal(scenario.Sites, r.Sites);
    }

    [Fact]
    public void Decisions_SiteLinksOfARing_CountOneLinkPerActiveUnit()
    {
        // A ring over a active units (a >= 3) has a edges; folded to site pairs, the pairs' edge counts add up to a.
        SimulationResult r = Run(TestScenarios.Small("greenest-k"));

        Assert.Contains(r.Decisions, d => d.ActiveUnits >= 3);
        Assert.All(r.Decisions.Where(d => d.ActiveUnits >= 3), d =>
        {
            Assert.Equal(d.ActiveUnits, d.SiteLinks.Sum(l => l.Edges));
            Assert.All(d.SiteLinks, l =>
            {
                Assert.True(l.SiteA <= l.SiteB);
                Assert.True(d.ActiveUnitsBySite[l.SiteA] > 0 && d.ActiveUnitsBySite[l.SiteB] > 0);
            });
        });
    }
}
