using System.Globalization;
using Orleans.TestingHost;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Hosting;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests;

/// <summary>An in-process cluster of one silo per site of <see cref="ClusterScenarios.Small"/>, silo i hosting site i.</summary>
internal static class InProcessCluster
{
    /// <summary>
    /// Starts the cluster; units checkpoint every <paramref name="checkpointEvery"/> rounds (default: the options' default)
    /// to files in <paramref name="checkpointDirectory"/>, by default a fresh temporary directory, so no test ever
    /// restores another's checkpoint; <paramref name="configure"/> adds to silo i's services before Verdant's, and
    /// <paramref name="client"/> to the test client's.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(Scenario scenario, int silos = 3, TimeSpan? placementWait = null,
        int? checkpointEvery = null, string? checkpointDirectory = null, Action<int, ISiloBuilder>? configure = null,
        Action<IClientBuilder>? client = null)
    {
        string directory = checkpointDirectory ?? Directory.CreateTempSubdirectory("verdant-cluster-test-").FullName;
        ClusterWorkload workload = ClusterScenarios.Workload(scenario);
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((options, silo) =>
        {
            int index = SiloIndex(options.SiloName);
            string[] sites = [.. scenario.Sites.Select(s => s.Name).Where((_, s) => s % silos == index)];
            configure?.Invoke(index, silo);
            silo.AddVerdantCluster(workload, o =>
            {
                o.Sites = sites;
                o.PlacementWait = placementWait ?? o.PlacementWait;
                o.CheckpointEveryRounds = checkpointEvery ?? o.CheckpointEveryRounds;
            });
            silo.AddVerdantCheckpoints(CheckpointStore.InDirectory(directory));
        });
        if (client is not null)
        {
            builder.ConfigureClient(client);
        }

        InProcessTestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        await cluster.WaitForLivenessToStabilizeAsync();
        return cluster;
    }

    private static int SiloIndex(string name)
    {
        int start = name.Length;
        while (start > 0 && char.IsAsciiDigit(name[start - 1]))
        {
            start--;
        }

        return start < name.Length ? int.Parse(name[start..], CultureInfo.InvariantCulture) : 0;
    }
}
