using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class PolicyTests
{
    [Fact]
    public void GreenestK_SunnySiteAndCoalSite_PicksSurplusUnitsThenCleanestGrid()
    {
        // site 0: coal grid, no surplus; site 1: 1200 W surplus (covers two 500 W units), dirty grid; site 2: clean grid.
        PolicyContext context = PolicyFixtures.Context([3, 3, 3], [0, 1200, 0], [900, 700, 50]);

        Allocation allocation = new GreenestKPolicy(4).Decide(context);

        Assert.Equal([false, false, false, true, true, false, true, true, false], allocation.Active);
    }

    [Fact]
    public void RenewableOnly_BudgetsSurplusPerSite_NeverExceedsIt()
    {
        PolicyContext context = PolicyFixtures.Context([3, 3, 2], [1499, 0, 5000], [100, 100, 100]);

        Allocation allocation = new RenewableOnlyPolicy().Decide(context);

        Assert.Equal([true, true, false, false, false, false, true, true], allocation.Active);
    }

    [Fact]
    public void RenewableOnly_NoSurplusAnywhere_ChoosesNobody()
    {
        PolicyContext context = PolicyFixtures.Context([2, 2], [0, 100], [10, 10]);

        Allocation allocation = new RenewableOnlyPolicy().Decide(context);

        Assert.Equal(0, allocation.ActiveCount);
        Assert.Equal("no renewable surplus anywhere", allocation.Reason);
    }

    [Fact]
    public void CarbonCap_KeepsSitesUnderCapAndUnitsOnSurplus()
    {
        PolicyContext context = PolicyFixtures.Context([2, 2, 2], [600, 0, 0], [500, 150, 250]);

        Allocation allocation = new CarbonCapPolicy(200).Decide(context);

        Assert.Equal([true, false, true, true, false, false], allocation.Active);
    }

    [Fact]
    public void RandomK_SameSeed_SameChoiceOfExactlyK()
    {
        Allocation a = new RandomKPolicy(5).Decide(PolicyFixtures.Context([4, 4, 4], [0, 0, 0], [1, 1, 1], seed: 7));
        Allocation b = new RandomKPolicy(5).Decide(PolicyFixtures.Context([4, 4, 4], [0, 0, 0], [1, 1, 1], seed: 7));

        Assert.Equal(5, a.ActiveCount);
        Assert.Equal(a.Active, b.Active);
    }

    [Fact]
    public void MarginalCarbon_UnitsStackOntoSurplusFirst()
    {
        Assert.Equal(0, MarginalCarbon.GridPowerW(0, 500, 1200));
        Assert.Equal(0, MarginalCarbon.GridPowerW(1, 500, 1200));
        Assert.Equal(300, MarginalCarbon.GridPowerW(2, 500, 1200), 9);
        Assert.Equal(500, MarginalCarbon.GridPowerW(3, 500, 1200));
    }

    [Fact]
    public void Catalog_UnknownName_SuggestsClosest()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create("greenest", new PolicyOptions()));

        Assert.StartsWith("unknown policy 'greenest' (did you mean 'greenest-k'?); known: all, random-k", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryName_CreatesPolicyOfThatName()
    {
        foreach (string name in PolicyCatalog.Names)
        {
            Assert.Equal(name, PolicyCatalog.Create(name, new PolicyOptions()).Name);
        }
    }
}
