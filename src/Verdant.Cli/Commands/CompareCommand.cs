using System.CommandLine;
using System.Globalization;
using Verdant.Cli.Compare;
using Verdant.Cli.Console;
using Verdant.Cli.Output;
using Verdant.Cli.Plots;
using Verdant.Cli.Scenarios;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant compare [SCENARIO] --policies a,b,c [--seeds 3] [--rounds N] [--target X] [--full] [--out DIR] [--data-dir DIR]`:
/// every policy on the same scenario and seeds, one simulation per core at a time, summarized over seeds.
/// </summary>
internal static class CompareCommand
{
    private static readonly Argument<string?> ScenarioArgument = new("scenario")
    {
        Description = "Scenario YAML file (default: the embedded default scenario)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string> Policies = new("--policies")
    {
        Description = "Comma-separated policies to compare, e.g. all,greenest-k,renewable-only (with --suite: default every policy)",
    };

    private static readonly Option<string?> Suite = new("--suite")
    {
        Description = "Compare on every scenario (*.yaml) of this folder; --out is then a resumable workspace",
    };

    private static readonly Option<string> Recommended = new("--recommended")
    {
        Description = "With --suite: the policy every baseline is checked against",
        DefaultValueFactory = _ => PolicyCatalog.Recommended,
    };


    private static readonly Option<int> Seeds = SeedCount(new Option<int>("--seeds")
    {
        Description = "Seeds per policy: the scenario's seed, +1, +2, ...",
        DefaultValueFactory = _ => 3,
    });

    private static readonly Option<double?> Target = Accuracy(new Option<double?>("--target")
    {
        Description = "Target validation accuracy (overrides the scenario's stop.target_accuracy; required when it has none)",
    });

    private static readonly Option<bool> Full = new("--full")
    {
        Description = "Run the whole stop rule (rounds, deadline) instead of stopping each run at the target",
    };

    public static Command Create(ConsoleUi ui, TimeProvider time)
    {
        var command = new Command("compare", "Run several policies on the same scenario and seeds and compare them")
        {
            ScenarioArgument, Policies, Seeds, CommonOptions.Rounds, Target, Full, CommonOptions.Out, CommonOptions.DataDir,
            Suite, Recommended, CommonOptions.Force,
        };
        command.SetAction(parse => InterruptScope.OnCtrlC(token => Execute(ui, time, new CompareOptions(
            parse.GetValue(ScenarioArgument), parse.GetValue(Policies) ?? string.Empty, parse.GetValue(Seeds),
            parse.GetValue(CommonOptions.Rounds), parse.GetValue(CommonOptions.Out), parse.GetValue(CommonOptions.DataDir),
            parse.GetValue(Full), parse.GetValue(Target))
        {
            Suite = parse.GetValue(Suite),
            Recommended = parse.GetValue(Recommended) ?? PolicyCatalog.Recommended,
            Force = parse.GetValue(CommonOptions.Force),
            Cancellation = token,
        })));
        return command;
    }

    public static int Execute(ConsoleUi ui, TimeProvider time, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Suite is not null)
        {
            return CompareSuiteCommand.Execute(ui, time, options);
        }

        return Guard.Run(ui, () =>
        {
            if (options.Policies.Length == 0)
            {
                throw new UsageException("--policies: is required (a comma-separated list, e.g. all,greenest-k), except with --suite");
            }

            IReadOnlyList<string> policies = ParsePolicies(options.Policies);
            LoadedScenario loaded = RunSetup.LoadScenario(options.ScenarioPath, null, options.Rounds, null, options.DataDirectory);
            Scenario scenario = WithStopAtTarget(loaded.Scenario, options);
            double target = scenario.Stop.TargetAccuracy!.Value;
            string output = options.OutputDirectory ?? Path.Combine("runs",
                $"{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-compare");
            (Dataset train, Dataset test) = RunSetup.LoadData(loaded.DataDirectory);
            IGemm gemm = RunSetup.CreateGemm();
            ParetoPlot.Probe();
            IReadOnlyList<Scenario> plan = CompareRunner.Plan(scenario, policies, options.Seeds);
            int concurrency = options.Concurrency ?? RunSetup.DefaultWorkers;
            IReadOnlyList<CompareRun> runs = CompareProgress.Show(ui.Output, plan,
                progress => CompareRunner.Run(plan, train, test, gemm, concurrency, progress, time));
            CompareRow[] rows = [.. runs.Select(r => r.Row)];
            string title = string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: carbon against time to validation accuracy {target:0.###}");
            CompareFiles.Write(output, runs, loaded.Source, target, ParetoPlot.Render(rows, title, options.Full));
            ui.Output.Write(CompareTable.Build(CompareAggregation.Summarize(rows), scenario.Name, target, options.Full, output));
            return ExitCodes.Ok;
        });
    }

    /// <summary>The policy names in the order given, lower-cased; unknown, empty or repeated names are usage errors.</summary>
    public static IReadOnlyList<string> ParsePolicies(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = new List<string>();
        foreach (string raw in list.Split(','))
        {
            string name = raw.Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                throw new UsageException($"--policies: empty policy name in '{list}'");
            }

            if (!PolicyCatalog.Contains(name))
            {
                throw new UsageException($"--policies: {PolicyCatalog.UnknownMessage(name)}");
            }

            if (names.Contains(name))
            {
                throw new UsageException($"--policies: '{name}' is listed twice");
            }

            names.Add(name);
        }

        return names;
    }

    private static Scenario WithStopAtTarget(Scenario scenario, CompareOptions options)
        => WithStopAtTarget(scenario, options.Seeds, options.TargetAccuracy, options.Full, scenarioName: null);

    /// <summary>
    /// The scenario as a comparison runs it: stopped at the target (--target, else the scenario's) unless
    /// <paramref name="full"/>; a missing target or seeds past int.MaxValue are usage errors.
    /// </summary>
    internal static Scenario WithStopAtTarget(Scenario scenario, int seeds, double? targetAccuracy, bool full, string? scenarioName)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string which = scenarioName is null ? "the scenario" : $"scenario '{scenarioName}'";
        double target = targetAccuracy ?? scenario.Stop.TargetAccuracy ?? throw new UsageException(
            $"--target: {which} has no stop.target_accuracy; pass --target X with the validation accuracy to reach (0 < X <= 1)");
        if (scenario.Seed > int.MaxValue - (seeds - 1))
        {
            throw new UsageException($"--seeds: seeds {scenario.Seed} to {scenario.Seed} + {seeds - 1} pass the largest seed {int.MaxValue}");
        }

        // The default stops every run at the target, so that energy and carbon are those spent to reach it.
        return scenario with { Stop = scenario.Stop with { TargetAccuracy = target, StopAtTarget = !full } };
    }

    private static Option<int> SeedCount(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n <= 0)
            {
                result.AddError($"{option.Name}: must be a positive whole number");
            }
        });
        return option;
    }

    private static Option<double?> Accuracy(Option<double?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
                && !(x > 0 && x <= 1))
            {
                result.AddError($"{option.Name}: must be an accuracy in (0, 1], got {result.Tokens[0].Value}");
            }
        });
        return option;
    }
}
