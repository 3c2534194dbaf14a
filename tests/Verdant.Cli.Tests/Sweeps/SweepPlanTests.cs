using Verdant.Cli.Engine;
using Verdant.Cli.Sweeps;

namespace Verdant.Cli.Tests.Sweeps;

public class SweepPlanTests
{
    [Fact]
    public void Example_LrAndK_TwelveValidRunsWithDistinctScenarios()
    {
        string path = RepositoryFiles.PathOf("scenarios/sweeps/lr-and-k.yaml");

        IReadOnlyList<PlannedRun> plan = SweepPlan.Build(SweepSpec.Load(path), "lr-and-k.yaml", dataDirectory: null);

        Assert.Equal(12, plan.Count);
        Assert.Equal(12, plan.Select(r => r.ScenarioHash).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("run-0001 training.learning_rate=0.05 policy.k=6 seed=1", plan[0].Label);
        Assert.Equal("run-0012 training.learning_rate=0.1 policy.k=12 seed=3", plan[11].Label);
        Assert.All(plan, r => Assert.Equal("greenest-k", r.Load().PolicyName));
        Assert.Equal(12, plan[3].Load().Policy.K);
    }

    [Fact]
    public void Build_ListEntriesCrossedWithGrid_EntryOuterGridInner()
    {
        using var sweep = new TinySweep("""
            scenario: tiny.yaml
            runs:
              - { policy.name: all }
              - { policy.name: greenest-k, policy.k: 2 }
            grid:
              seed: [7, 8]
            """);

        IReadOnlyList<PlannedRun> plan = SweepPlan.Build(SweepSpec.Load(sweep.SweepPath), "sweep.yaml", null);

        Assert.Equal(["all 7", "all 8", "greenest-k 7", "greenest-k 8"], plan.Select(r => $"{r.Load().PolicyName} {r.Load().Seed}"));
        Assert.Equal(2, plan[2].Load().Policy.K);
    }

    [Fact]
    public void Build_SameSpecTwice_SameHashes()
    {
        using var sweep = new TinySweep();

        string Hash() => RunWorkspace.PlanHash("sweep", SweepPlan.Build(SweepSpec.Load(sweep.SweepPath), "sweep.yaml", null));

        Assert.Equal(Hash(), Hash());
    }

    [Fact]
    public void Build_WholeListEntryAndListValues_ReplaceTheField()
    {
        using var sweep = new TinySweep("""
            scenario: tiny.yaml
            set:
              "sites[1]": { name: c, lat: 40.4, lon: -3.7, units: 3, hardware: gpu-a100, country: ES }
            grid:
              model: [{ kind: mlp, hidden: [8] }, { kind: mlp, hidden: [8, 4] }]
            """);

        IReadOnlyList<PlannedRun> plan = SweepPlan.Build(SweepSpec.Load(sweep.SweepPath), "sweep.yaml", null);

        Assert.Equal(["a", "c"], plan[0].Load().Sites.Select(s => s.Name));
        Assert.Equal(3, plan[0].Load().Sites[1].Units);
        Assert.Equal("run-0002 model={kind: mlp, hidden: [8, 4]}", plan[1].Label);
        Assert.NotEqual(plan[0].ScenarioHash, plan[1].ScenarioHash);
    }
}
