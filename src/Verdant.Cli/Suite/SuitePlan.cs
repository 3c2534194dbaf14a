using System.Globalization;
using Verdant.Cli.Commands;
using Verdant.Cli.Engine;
using Verdant.Cli.Scenarios;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Suite;

/// <summary>
/// The runs of a suite comparison: every scenario file (*.yaml, by name) x policy x seed, each scenario with the
/// comparison's overrides (stop at its target unless --full; --rounds, --target). Every file is loaded and validated here,
/// before anything runs.
/// </summary>
internal static class SuitePlan
{
    /// <summary>What the suite was asked for.</summary>
    public sealed record Request(string Directory, IReadOnlyList<string> Policies, int Seeds, int? Rounds, double? Target,
        bool Full, string? DataDirectory);

    /// <summary>The plan, ordered by scenario, then policy (as given), then seed, and each scenario's target.</summary>
    public static (IReadOnlyList<PlannedRun> Runs, IReadOnlyDictionary<string, double> Targets) Build(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string[] files = Files(request.Directory);
        var runs = new List<PlannedRun>();
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            LoadedScenario loaded = RunSetup.LoadScenario(file, null, request.Rounds, null, request.DataDirectory);
            Scenario scenario = CompareCommand.WithStopAtTarget(loaded.Scenario, request.Seeds, request.Target, request.Full, name);
            targets[name] = scenario.Stop.TargetAccuracy!.Value;
            string text = File.ReadAllText(file);
            foreach (string policy in request.Policies)
            {
                for (int i = 0; i < request.Seeds; i++)
                {
                    runs.Add(Run(name, text, loaded, scenario with { PolicyName = policy, Seed = scenario.Seed + i }));
                }
            }
        }

        return (runs, targets);
    }

    private static PlannedRun Run(string name, string text, LoadedScenario loaded, Scenario scenario)
    {
        string seed = scenario.Seed.ToString(CultureInfo.InvariantCulture);
        StopRule stop = scenario.Stop;
        // The file's bytes plus every override: two runs with the same hash run the same simulation.
        string overrides = string.Create(CultureInfo.InvariantCulture,
            $"\n# verdant suite overrides: policy={scenario.PolicyName} seed={seed} rounds={stop.MaxRounds} target={stop.TargetAccuracy:R} stop_at_target={stop.StopAtTarget} data={loaded.DataDirectory}\n");
        return new PlannedRun($"{name}/{scenario.PolicyName}-seed{seed}", $"{name} {scenario.PolicyName} seed {seed}",
            RunWorkspace.Hash(text + overrides),
            [KeyValuePair.Create("scenario", name), KeyValuePair.Create("policy.name", scenario.PolicyName), KeyValuePair.Create("seed", seed)],
            loaded.Source, loaded.DataDirectory, () => scenario);
    }

    private static string[] Files(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new UsageException($"--suite: folder not found: {directory}");
        }

        string[] files = [.. System.IO.Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal)];
        return files.Length > 0 ? files : throw new UsageException($"--suite: no scenario files (*.yaml) in {directory}");
    }
}
