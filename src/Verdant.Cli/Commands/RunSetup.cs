using Verdant.Cli.Input;
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
        }

        if (rounds is { } r)
        {
            s = s with { Stop = s.Stop with { MaxRounds = r } };
        }

        if (seed is { } sd)
        {
            s = s with { Seed = sd };
        }

        return loaded with { Scenario = s, DataDirectory = dataDirectory ?? loaded.DataDirectory };
    }

    public static (Dataset Train, Dataset Test) LoadData(string directory) => DatasetFiles.Load(directory);

    public static IGemm CreateGemm() => OpenBlasGemm.Create(threads: 1);

    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount);
}
