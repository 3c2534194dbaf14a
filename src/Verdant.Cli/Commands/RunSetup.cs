using Verdant.Cli.Console;
using Verdant.Cli.Input;
using Verdant.Cli.Output;
using Verdant.Cli.Scenarios;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Commands;

/// <summary>Turns parsed options into everything a simulation needs: the scenario with overrides, the data, the BLAS.</summary>
internal static class RunSetup
{
    public static LoadedScenario LoadScenario(string? path, string? policy, int? rounds, int? seed, string? dataDirectory)
    {
        LoadedScenario loaded = EmbeddedScenarios.LoadFileOrDefault(path);
        Scenario s = loaded.Scenario;
        if (policy is not null)
        {
            if (!PolicyCatalog.Contains(policy))
            {
                throw new UsageException($"--policy: {PolicyCatalog.UnknownMessage(policy)}");
            }

            s = s with { PolicyName = policy.ToLowerInvariant() };
            if (SizeLimits.TooManyUnitsForPolicy(s.Sites.Sum(site => (long)site.Units), s.PolicyName, s.Topology.Kind, s.Sites.Count) is { } problem)
            {
                throw new UsageException($"--policy: the fleet's {problem}");
            }
        }

        if (rounds is { } r)
        {
            s = s with { Stop = s.Stop with { MaxRounds = r } };
        }

        if (seed is { } sd)
        {
            s = s with { Seed = sd };
        }

        return dataDirectory is null
            ? loaded with { Scenario = s }
            : loaded with { Scenario = s, DataDirectory = dataDirectory, DataDirectoryOrigin = "--data-dir" };
    }

    /// <summary>Checks the output folder before any work (see <see cref="OutputFolder"/>); <paramref name="given"/>: named by --out.</summary>
    public static string CheckOutput(ConsoleUi ui, string output, bool given, bool force)
        => OutputFolder.Check(output, given ? "--out" : "the default output folder", mustBeEmpty: true, force, line => ui.Error($"warning: {line}"));

    /// <summary>Set-up of a large fleet (topology, mixing weights, spectral gap) takes seconds before round 1: say so.</summary>
    public static void AnnounceSetUp(ConsoleUi ui, Scenario scenario)
    {
        int units = scenario.Sites.Sum(s => s.Units);
        if (units >= SizeLimits.AnnounceUnits)
        {
            ui.Info($"setting up {units} units (topology, mixing weights, spectral gap); this takes a while at this size");
        }
    }

    /// <summary>Reads the data set; images that do not fit the scenario's model are a usage error, not a failure in training.</summary>
    public static (Dataset Train, Dataset Test) LoadData(LoadedScenario loaded)
    {
        (Dataset train, Dataset test) = DatasetFiles.Load(loaded.DataDirectory, loaded.DataDirectoryOrigin);
        int inputs = loaded.Scenario.Model.Inputs;
        foreach (Dataset set in new[] { train, test })
        {
            if (set.FeatureCount != inputs || set.ClassCount != loaded.Scenario.Model.Classes)
            {
                throw new UsageException($"{loaded.DataDirectoryOrigin ?? loaded.DataDirectory}: the images have {set.FeatureCount} pixels " +
                    $"and {set.ClassCount} classes, but the scenario's model takes {inputs} inputs and {loaded.Scenario.Model.Classes} classes (28 x 28 Fashion-MNIST)");
            }
        }

        return (train, test);
    }

    public static IGemm CreateGemm() => new VectorGemm(wide: OpenBlasGemm.Create(threads: 1));

    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount);
}
