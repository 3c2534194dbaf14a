using Verdant.Cli.Scenarios;
using Verdant.Core.Consensus;

namespace Verdant.Cli.Tests.Scenarios;

public class ScenarioLoaderTests
{
    internal const string Valid = """
        name: t
        sites:
          - { name: a, lat: 48.8, lon: 2.3, units: 2, hardware: gpu-a100, solar_kwp: 3, country: FR }
          - { name: b, lat: 52.2, lon: 21.0, units: 1, hardware: gpu-v100, country: PL }
        model: { kind: logreg }
        training: { learning_rate: 0.1 }
        workload: { flops_per_step: 1e15, message_bytes: 1e8 }
        policy: { name: greenest-k, k: 2 }
        stop: { rounds: 5 }
        """;

    private static LoadedScenario Load(string yaml) => ScenarioLoader.Load(new StringReader(yaml), "t.yaml", "/tmp");

    private static string Error(string yaml) => Assert.Throws<ScenarioException>(() => Load(yaml)).Message;

    [Fact]
    public void Load_ValidFile_BuildsScenario()
    {
        LoadedScenario loaded = Load(Valid);

        Assert.Equal(3, loaded.Scenario.UnitCount);
        Assert.Equal("greenest-k", loaded.Scenario.PolicyName);
        Assert.Equal(2, loaded.Scenario.Policy.K);
        Assert.Equal(TopologyKind.Exponential, loaded.Scenario.Topology.Kind);
        Assert.Equal(ScenarioLoader.DefaultDataDirectory, loaded.DataDirectory);
    }

    private static string Fleet(int units, string policy, string topology) => Valid
        .Replace("units: 2,", $"units: {units - 1},", StringComparison.Ordinal)
        .Replace("policy: { name: greenest-k, k: 2 }", $"policy: {{ name: {policy}, k: 2 }}\ntopology: {{ kind: {topology} }}", StringComparison.Ordinal);

    [Theory]
    [InlineData("adaptive", "exponential")]
    [InlineData("planner", "ring")]
    [InlineData("carbonscaler", "hypercube")]
    [InlineData("fedzero", "k-nearest")]
    [InlineData("adaptive", "k-nearest")]
    [InlineData("planner", "k-nearest")]
    [InlineData("adaptive", "torus")]
    [InlineData("carbonscaler", "torus")]
    public void Load_PolicyPastTwoThousandUnitsOnAGraphItTimesWithoutBuilding_Accepted(string policy, string topology)
    {
        LoadedScenario loaded = Load(Fleet(10_000, policy, topology));

        Assert.Equal(10_000, loaded.Scenario.UnitCount);
    }

    [Fact]
    public void Load_FedZeroPastTenThousandUnits_RefusedForItsSolver()
    {
        string message = Error(Fleet(10_001, "fedzero", "exponential"));

        Assert.Equal("t.yaml: policy.name: the fleet's 10001 units is more than the 10000 that 'fedzero' can decide for in reasonable " +
            "time (its CP-SAT selection has a variable per unit and grows faster than the units); use greenest-k, random-k, " +
            "renewable-only, carbon-cap, adaptive or all", message);
    }

    [Theory]
    [InlineData("adaptive", "torus")]
    [InlineData("carbonscaler", "ring")]
    public void Load_ProfilePolicyPastTwoThousandUnitsOnMoreSitesThanTimedWithoutGraph_RefusedNamingThePolicy(string policy,
        string topology)
    {
        // 2,049 sites of one unit: past the S x S latency table, so every prefix would be timed by building its graph.
        string sites = string.Concat(Enumerable.Range(0, 2049).Select(i =>
            $"  - {{ name: s{i}, lat: {(i % 170) - 85}, lon: {(i % 350) - 175}, units: 1, hardware: gpu-a100, country: FR }}\n"));
        string yaml = $"name: t\nsites:\n{sites}" + Valid[Valid.IndexOf("model:", StringComparison.Ordinal)..]
            .Replace("policy: { name: greenest-k, k: 2 }", $"policy: {{ name: {policy}, k: 2 }}\ntopology: {{ kind: {topology} }}",
                StringComparison.Ordinal);

        string message = Error(yaml);

        Assert.Equal($"t.yaml: policy.name: the fleet's 2049 units is more than the 2000 that '{policy}' can decide for in reasonable time " +
            "on this topology with more than 2048 sites (each decision times a round per unit, building the graph each time: " +
            "units^2); use at most 2048 sites, or greenest-k, random-k, renewable-only, carbon-cap, fedzero or all", message);
    }

    [Fact]
    public void Load_WorkloadFromModel_DerivesFlopsAndBytesFromTheTrainedModel()
    {
        LoadedScenario loaded = Load(Valid.Replace("workload: { flops_per_step: 1e15, message_bytes: 1e8 }", "workload: { from_model: true }",
            StringComparison.Ordinal));

        Core.Models.ModelSpec model = loaded.Scenario.Model;
        Assert.True(loaded.Scenario.Workload.DerivedFromModel);
        Assert.Equal(model.TrainFlopsPerExample * 32.0, loaded.Scenario.Workload.FlopsPerStep);
        Assert.Equal(model.ParameterCount * 4.0, loaded.Scenario.Workload.MessageBytes);
    }

    [Fact]
    public void Load_WorkloadFromModelWithFlops_SaysWhichToRemove()
    {
        string message = Error(Valid.Replace("workload: { flops_per_step: 1e15", "workload: { from_model: true, flops_per_step: 1e15",
            StringComparison.Ordinal));

        Assert.Equal("t.yaml: workload.from_model: with from_model: true, flops_per_step and message_bytes come from the model; remove them", message);
    }

    [Fact]
    public void Load_NetworkMarginal_ReadsModelAndParameters()
    {
        LoadedScenario loaded = Load(Valid + "\nnetwork: { model: marginal, marginal_kwh_per_gb: 0.002, baseline_w_per_unit: 15 }\n");

        Assert.Equal(Core.Energy.NetworkEnergyModel.Marginal, loaded.Scenario.Network.Model);
        Assert.Equal(0.002, loaded.Scenario.Network.MarginalKwhPerGb);
        Assert.Equal(15, loaded.Scenario.Network.BaselineWPerUnit);
    }

    [Fact]
    public void Load_EmbeddedDefault_IsValidWithTwelveSites()
    {
        LoadedScenario loaded = EmbeddedScenarios.LoadDefault();

        Assert.Equal(12, loaded.Scenario.Sites.Count);
        Assert.Equal(36, loaded.Scenario.UnitCount);
    }

    [Fact]
    public void Load_UnknownKey_NamesFieldAndSuggests()
    {
        string message = Error(Valid.Replace("solar_kwp: 3", "solar_kw: 3", StringComparison.Ordinal));

        Assert.StartsWith("t.yaml: sites[0].solar_kw: unknown key (did you mean 'solar_kwp'?); known keys:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongType_NamesFieldAndValue()
    {
        string message = Error(Valid.Replace("units: 2", "units: two", StringComparison.Ordinal));

        Assert.Equal("t.yaml: sites[0].units: must be a whole number, got 'two' (line 3)", message);
    }

    [Fact]
    public void Load_NegativeCapacity_NamesField()
    {
        string message = Error(Valid.Replace("solar_kwp: 3", "solar_kwp: -3", StringComparison.Ordinal));

        Assert.Equal("t.yaml: sites[0].solar_kwp: must not be negative, got -3 (line 3)", message);
    }

    [Fact]
    public void Load_NegativeBatteryCapacity_NamesField()
    {
        string message = Error(Valid.Replace("country: PL }", "country: PL, battery: { capacity_kwh: -5, charge_kw: 1, discharge_kw: 1 } }", StringComparison.Ordinal));

        Assert.Equal("t.yaml: sites[1].battery.capacity_kwh: must not be negative, got -5 (line 4)", message);
    }

    [Fact]
    public void Load_NoSites_SaysSitesRequired()
    {
        string yaml = string.Join('\n', Valid.Split('\n').Where(l => !l.TrimStart().StartsWith("- {", StringComparison.Ordinal)))
            .Replace("sites:", "sites: []", StringComparison.Ordinal);

        Assert.Equal("t.yaml: sites: at least one site is required", Error(yaml));
    }

    [Fact]
    public void Load_MissingSection_SaysRequired()
    {
        string message = Error(Valid.Replace("training: { learning_rate: 0.1 }\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal("t.yaml: training: is required", message);
    }

    [Fact]
    public void Load_UnknownHardware_ListsCatalogue()
    {
        string message = Error(Valid.Replace("gpu-v100", "gpu-v10", StringComparison.Ordinal));

        Assert.StartsWith("t.yaml: sites[1].hardware: unknown hardware 'gpu-v10' (did you mean 'gpu-v100'?); known:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownPolicy_Suggests()
    {
        string message = Error(Valid.Replace("name: greenest-k", "name: greenest", StringComparison.Ordinal));

        Assert.StartsWith("t.yaml: policy.name: unknown policy 'greenest' (did you mean 'greenest-k'?)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateSiteName_Rejected()
    {
        string message = Error(Valid.Replace("name: b,", "name: a,", StringComparison.Ordinal));

        Assert.Equal("t.yaml: sites[1].name: 'a' is used by another site", message);
    }

    [Fact]
    public void Load_BadTopology_ListsChoices()
    {
        string message = Error(Valid + "\ntopology: { kind: rin }\n");

        Assert.StartsWith("t.yaml: topology.kind: unknown value 'rin' (did you mean 'ring'?); expected one of complete, ring,", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidYaml_SaysLine()
    {
        string message = Error("name: [unclosed\nsites: x\n");

        Assert.StartsWith("t.yaml: not valid YAML", message, StringComparison.Ordinal);
    }
}
