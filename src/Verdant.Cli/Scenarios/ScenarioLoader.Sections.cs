using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Scenarios;

internal static partial class ScenarioLoader
{
    private static readonly Dictionary<string, TopologyKind> Topologies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["complete"] = TopologyKind.Complete,
        ["ring"] = TopologyKind.Ring,
        ["torus"] = TopologyKind.Torus,
        ["hypercube"] = TopologyKind.Hypercube,
        ["exponential"] = TopologyKind.Exponential,
        ["erdos-renyi"] = TopologyKind.ErdosRenyi,
        ["k-nearest"] = TopologyKind.KNearest,
        ["energy-sparse"] = TopologyKind.EnergySparse,
    };

    private static readonly Dictionary<string, RoundDeadline> Deadlines = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wait-all"] = RoundDeadline.WaitAll,
        ["auto"] = RoundDeadline.Auto,
    };

    private static readonly Dictionary<string, PartitionKind> Partitions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iid"] = PartitionKind.Iid,
        ["dirichlet"] = PartitionKind.Dirichlet,
        ["shards"] = PartitionKind.Shards,
    };

    private static readonly Dictionary<string, ModelKind> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logreg"] = ModelKind.LogisticRegression,
        ["mlp"] = ModelKind.Mlp,
    };

    private static readonly Dictionary<string, NetworkCarbon> NetworkCarbons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["endpoints"] = NetworkCarbon.Endpoints,
        ["fleet-mean"] = NetworkCarbon.FleetMean,
    };

    private static readonly Dictionary<string, NetworkEnergyModel> NetworkModels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["per-gb"] = NetworkEnergyModel.PerGb,
        ["marginal"] = NetworkEnergyModel.Marginal,
    };

    private static readonly Dictionary<string, ForecastKind> Forecasts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["perfect"] = ForecastKind.Perfect,
        ["persistence"] = ForecastKind.Persistence,
        ["noisy"] = ForecastKind.Noisy,
    };

    private static readonly Dictionary<string, InactivePower> InactiveChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["off"] = InactivePower.Off,
        ["idle"] = InactivePower.Idle,
    };

    public static IReadOnlyCollection<string> TopologyNames => Topologies.Keys;

    public static bool TryTopology(string name, out TopologyKind kind) => Topologies.TryGetValue(name, out kind);

    private static T Choice<T>(YamlMap map, string key, Dictionary<string, T> choices, string? fallback)
    {
        string? text = map.String(key, fallback) ?? throw new ScenarioException($"{map.Source}: {map.Sub(key)}: is required");
        if (choices.TryGetValue(text, out T? value))
        {
            return value;
        }

        string hint = NameSuggestion.Hint(choices.Keys, text);
        throw new ScenarioException($"{map.Source}: {map.Sub(key)}: unknown value '{text}'{hint}; expected one of {string.Join(", ", choices.Keys)}");
    }

    private static ModelSpec ReadModel(YamlMap model)
    {
        ModelKind kind = Choice(model, "kind", Models, null);
        int[] hidden = model.List("hidden")
            .Select((node, i) => node is YamlDotNet.RepresentationModel.YamlScalarNode s && int.TryParse(s.Value, out int w) && w > 0
                ? w
                : throw YamlMap.Error(model.Source, $"{model.Sub("hidden")}[{i}]", node, "must be a positive whole number"))
            .ToArray();
        model.RejectUnknownKeys();
        if (kind == ModelKind.LogisticRegression && hidden.Length > 0)
        {
            throw new ScenarioException($"{model.Source}: {model.Sub("hidden")}: logreg has no hidden layers");
        }

        if (kind == ModelKind.Mlp && hidden.Length == 0)
        {
            throw new ScenarioException($"{model.Source}: {model.Sub("hidden")}: an mlp needs at least one hidden width");
        }

        return kind == ModelKind.Mlp ? ModelSpec.Mlp(784, hidden, 10) : ModelSpec.LogisticRegression(784, 10);
    }

    private static PartitionSpec ReadPartition(YamlMap? map)
    {
        if (map is null)
        {
            return new PartitionSpec(PartitionKind.Iid);
        }

        var spec = new PartitionSpec(Choice(map, "kind", Partitions, "iid"), map.Double("alpha", 0.5, 1e-3, 1e6),
            map.Int("shards_per_node", 2, 1));
        map.RejectUnknownKeys();
        return spec;
    }

    private static TopologySpec ReadTopology(YamlMap? map)
    {
        if (map is null)
        {
            return new TopologySpec(TopologyKind.Exponential);
        }

        var spec = new TopologySpec(Choice(map, "kind", Topologies, "exponential"), map.Double("p", 0.2, 1e-6, 1), map.Int("k", 3, 1))
        {
            MinSpectralGap = map.Double("min_spectral_gap", 0.1, 1e-6, 1),
        };
        map.RejectUnknownKeys();
        return spec;
    }

    private static SgdOptions ReadTraining(YamlMap map)
    {
        var options = new SgdOptions(
            (float)map.RequiredDouble("learning_rate", 1e-9, 100), map.Int("batch_size", 32, 1, 65536), map.Int("local_steps", 1, 1, 1000),
            (float)map.Double("momentum", 0, 0, 0.999), (float)map.Double("weight_decay", 0, 0, 1), (float)map.Double("lr_decay", 0, 0, 10));
        map.RejectUnknownKeys();
        return options;
    }

    private static WorkloadSpec ReadWorkload(YamlMap map, ModelSpec model, SgdOptions training)
    {
        bool fromModel = map.Bool("from_model", false);
        if (fromModel && (map.String("flops_per_step") is not null || map.String("message_bytes") is not null))
        {
            throw new ScenarioException($"{map.Source}: {map.Sub("from_model")}: with from_model: true, flops_per_step and message_bytes come from the model; remove them");
        }

        WorkloadSpec workload = fromModel
            ? WorkloadSpec.FromModel(model, training.BatchSize)
            : new WorkloadSpec(map.RequiredDouble("flops_per_step", 1, 1e30), map.Double("message_bytes", 0, 0, 1e15));
        workload = workload with { StepTimeJitter = map.Double("step_time_jitter", 0, 0, 3) };
        map.RejectUnknownKeys();
        return workload;
    }

    private static string ReadPolicyName(YamlMap map)
    {
        string name = map.String("name", "all")!;
        return PolicyCatalog.Contains(name) ? name : throw new ScenarioException($"{map.Source}: {map.Sub("name")}: {PolicyCatalog.UnknownMessage(name)}");
    }

    private static PolicyOptions ReadPolicy(YamlMap map, int units)
    {
        var options = new PolicyOptions(map.Int("k", Math.Max(1, units / 3), 1, units), map.Double("carbon_cap", 200, 0),
            map.Double("epoch_minutes", 60, 1, 24 * 60))
        {
            MinK = map.Int("min_k", 2, 1, units),
            MinSpeedFraction = map.Double("min_speed_fraction", 0.5, 1e-3, 1),
            HorizonHours = map.Int("horizon_hours", 24, 1, 24 * 14),
            CarbonScalerHorizonHours = map.Int("carbonscaler_horizon_hours", int.MaxValue, 1, int.MaxValue),
            CarbonScalerJobNodeRounds = map.Double("carbonscaler_job_node_rounds", 0, 0),
            PlannerTimeWeight = map.Double("planner_time_weight", 2, 0),
            FedZeroUnits = map.Int("fedzero_units", 6, 1, units),
            FedZeroMaxRoundMinutes = map.Int("fedzero_max_round_minutes", 60, 1, 60),
            CoverageHours = map.Double("coverage_hours", 0, 0, 24 * 365),
            MaxSpread = map.Double("max_spread", 1, 1e-3, 1e6),
        };
        map.RejectUnknownKeys();
        return options;
    }

    private static StopRule ReadStop(YamlMap map)
    {
        double? target = map.Has("target_accuracy") ? map.Double("target_accuracy", 0, 0, 1) : null;
        var stop = new StopRule(map.Int("rounds", 500, 1), target, map.Double("deadline_hours", 24 * 14, 1, 24 * 365),
            map.Bool("stop_at_target", false));
        map.RejectUnknownKeys();
        return stop;
    }

    private static ForecastKind ReadForecast(YamlMap? map)
    {
        if (map is null)
        {
            return ForecastKind.Perfect;
        }

        ForecastKind kind = Choice(map, "kind", Forecasts, "perfect");
        map.RejectUnknownKeys();
        return kind;
    }

    private static NetworkOptions ReadNetwork(YamlMap? map)
    {
        if (map is null)
        {
            return new NetworkOptions();
        }

        var defaults = new NetworkOptions();
        var options = new NetworkOptions(map.Double("kwh_per_gb", defaults.KwhPerGb, 0), map.Double("bandwidth_gbps", defaults.BandwidthBitsPerS / 1e9, 1e-6) * 1e9,
            map.Double("fiber_speed_fraction", defaults.FiberSpeedFraction, 0.01, 1), map.Double("per_hop_latency_ms", defaults.PerHopLatencyS * 1e3, 0) / 1e3)
        {
            Model = Choice(map, "model", NetworkModels, "per-gb"),
            Carbon = Choice(map, "carbon", NetworkCarbons, "endpoints"),
            MarginalKwhPerGb = map.Double("marginal_kwh_per_gb", defaults.MarginalKwhPerGb, 0),
            BaselineWPerUnit = map.Double("baseline_w_per_unit", defaults.BaselineWPerUnit, 0),
        };
        map.RejectUnknownKeys();
        return options;
    }
}
