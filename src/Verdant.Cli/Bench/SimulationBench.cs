using System.Diagnostics;
using System.Globalization;
using System.Text;
using Verdant.Cli.Commands;
using Verdant.Cli.Scenarios;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Bench;

/// <summary>
/// Whole-simulation throughput at scale (issue 12): a generated scenario of 100 sites on a spread of latitudes, longitudes
/// and grids, units split evenly, an exponential graph over the active units, greenest-k with half the units active and
/// hourly decisions, evaluation every 5 x units node-rounds (every 10 rounds with half the units active); logistic
/// regression at 1,000 / 10,000 / 100,000 units and the MLP
/// 784-128-10 at 4,096.
/// </summary>
/// <remarks>
/// Fashion-MNIST has 60,000 training examples, fewer than 100,000 units, so every case trains on the same synthetic
/// 784-feature, 10-class problem (<see cref="SyntheticLogistic"/>) with max(60,000, 2 x units) examples: a step's cost
/// does not depend on the values, and the cases stay comparable. A case whose estimated memory exceeds what the machine
/// has available is skipped and says so.
/// </remarks>
internal sealed class SimulationBench(int workers, Action<string> progress)
{
    public const int Sites = 100;

    /// <summary>The policy of a case that names none: greenest-k with half the units.</summary>
    public const string DefaultPolicy = "greenest-k";

    /// <summary>The four cases of issue 12, as model:units.</summary>
    public static readonly string[] DefaultCases = ["logreg:1000", "logreg:10000", "logreg:100000", "mlp:4096"];

    public IReadOnlyList<SimulationCase> Run(IEnumerable<string> cases)
    {
        var results = new List<SimulationCase>();
        foreach (string text in cases)
        {
            (string model, int units, int? asked, string policy) = Parse(text);
            int rounds = asked ?? (model == "mlp" ? 20 : units >= 100_000 ? 100 : 50);
            results.Add(RunCase(model, units, rounds, policy) with { Policy = policy });
            SimulationCase c = results[^1];
            progress(string.Create(CultureInfo.InvariantCulture,
                $"{c.Model} ({c.Policy}) at {c.Units} units: {c.NodeStepsPerS} node steps/s ({c.NodeSteps} in {c.RunS} s; setup {c.SetupS} s), peak {c.PeakWorkingSetGib} GiB"));
            GC.Collect();
        }

        return results;
    }

    /// <summary>
    /// "logreg:1000", "mlp:4096", "logreg:100000:10" (rounds third) or "logreg:10000:3:adaptive" (a policy of the catalogue
    /// fourth, in place of greenest-k: to time its decisions at scale); at least <see cref="Sites"/> units.
    /// </summary>
    public static (string Model, int Units, int? Rounds, string Policy) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        int units = 0, rounds = 0;
        bool ok = parts.Length is >= 2 and <= 4 && (parts[0] is "logreg" or "mlp")
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out units) && units >= Sites
            && (parts.Length == 2 || (int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds > 0))
            && (parts.Length < 4 || Core.Policies.PolicyCatalog.Contains(parts[3]));
        return ok
            ? (parts[0], units, parts.Length >= 3 ? rounds : null, parts.Length == 4 ? parts[3].ToLowerInvariant() : DefaultPolicy)
            : throw new Commands.UsageException($"--simulation: expected MODEL:UNITS[:ROUNDS[:POLICY]] with MODEL logreg or mlp, at least {Sites} units and POLICY one of {string.Join(", ", Core.Policies.PolicyCatalog.Names)}, got '{text}'");
    }

    private SimulationCase RunCase(string model, int units, int rounds, string policy)
    {
        ModelSpec spec = model == "mlp" ? ModelSpec.Mlp(784, [128], 10) : ModelSpec.LogisticRegression(784, 10);
        int examples = Math.Max(60_000, 2 * units);
        // Two N x P float stacks (parameters, momentum), the gradients' mean partials (at most 64 rows of P, GradientMean),
        // two N x MixBlockColumns mixing buffers, the data, 1 GiB of rest.
        double stackRows = (2.0 * units) + GradientMean.GroupCount(units);
        double needGib = ((stackRows * spec.ParameterCount * 4) + (2.0 * units * DecentralizedSgd.MixBlockColumns * 4) + (examples * 785.0 * 4)) / (1L << 30) + 1;
        double availableGib = PeakMemory.AvailableGib();
        if (needGib > availableGib)
        {
            string why = string.Create(CultureInfo.InvariantCulture, $"needs about {needGib:0.0} GiB, {availableGib:0.0} GiB available");
            progress($"{model} at {units} units skipped: {why}");
            return new SimulationCase(model, units, rounds, 0, 0, 0, 0, 0, why);
        }

        progress(string.Create(CultureInfo.InvariantCulture, $"simulation: {model} at {units} units, {rounds} rounds (about {needGib:0.0} GiB)"));
        PeakMemory.Reset();
        Dataset train = SyntheticLogistic.Create(examples, 784, 10, new Random(11)).Data;
        Dataset test = SyntheticLogistic.Create(10_000, 784, 10, new Random(12)).Data;
        Scenario scenario = ScenarioLoader.Load(new StringReader(Yaml(model, units, rounds, policy)), $"bench-{model}-{units}").Scenario;
        long setupStart = Stopwatch.GetTimestamp();
        using var simulation = new Simulation(scenario, train, test, RunSetup.CreateGemm(), workers);
        double setup = Stopwatch.GetElapsedTime(setupStart).TotalSeconds;
        long runStart = Stopwatch.GetTimestamp();
        // Progress every 10 rounds: the 100,000-unit case runs for minutes even on an idle machine.
        SimulationResult result = simulation.Run(new Ticker(r =>
        {
            if (r.Round % 10 == 0)
            {
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"  round {r.Round}/{r.MaxRounds}, {Stopwatch.GetElapsedTime(runStart).TotalSeconds:0} s, peak {PeakMemory.PeakGib():0.00} GiB"));
            }
        }));
        double run = Stopwatch.GetElapsedTime(runStart).TotalSeconds;
        long steps = result.NodeRounds * scenario.Training.LocalSteps;
        return new SimulationCase(model, units, result.Rounds.Count, steps, TrainingBench.Round(setup), TrainingBench.Round(run),
            TrainingBench.Round(steps / run, 1), TrainingBench.Round(PeakMemory.PeakGib(), 3));
    }

    // Sites spread over latitudes, longitudes, country grids and renewable sizes, so decisions really choose.
    private static string Yaml(string model, int units, int rounds, string policy)
    {
        string[] countries = ["FR", "DE", "SE", "ES", "PL", "US", "BR", "ZA", "IN", "AU", "JP"];
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"name: scale-{model}-{units}\nseed: 7\nstart: 2026-06-01T00:00:00Z\nsites:\n");
        for (int s = 0; s < Sites; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{ name: s{s}, lat: {-40 + (s * 7 % 80)}, lon: {-170 + (s * 37 % 340)}, units: {(units / Sites) + (s < units % Sites ? 1 : 0)}, hardware: gpu-a100, pue: 1.3, solar_kwp: {s % 5}, wind_kw: {s % 3}, country: {countries[s % countries.Length]} }}\n");
        }

        string modelYaml = model == "mlp" ? "kind: mlp\n  hidden: [128]" : "kind: logreg";
        yaml.Append(CultureInfo.InvariantCulture, $"""
            model:
              {modelYaml}
            partition:
              kind: iid
            topology:
              kind: exponential
            training:
              learning_rate: 0.1
              momentum: 0.9
              batch_size: 32
              local_steps: 1
            workload:
              flops_per_step: 1.5e16
              message_bytes: 5.0e8
            policy:
              name: {policy}
              k: {units / 2}
              epoch_minutes: 60
            stop:
              rounds: {rounds}
              deadline_hours: 720
            evaluation:
              every_node_rounds: {5 * units}

            """);
        return yaml.ToString();
    }

    // Reports on the simulation's thread (Progress<T> would post to the thread pool and report late).
    private sealed class Ticker(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
