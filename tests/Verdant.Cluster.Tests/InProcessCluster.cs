using System.Globalization;
using Orleans.TestingHost;
using Verdant.Cluster.Hosting;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests;

/// <summary>An in-process cluster of one silo per site of <see cref="ClusterScenarios.Small"/>, silo i hosting site i.</summary>
internal static class InProcessCluster
{
    public static async Task<InProcessTestCluster> StartAsync(Scenario scenario, int silos = 3, TimeSpan? placementWait = null,
        Action<IClientBuilder>? client = null)
    {
        ClusterWorkload workload = ClusterScenarios.Workload(scenario);
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((options, silo) =>
        {
            int index = SiloIndex(options.SiloName);
            string[] sites = [.. scenario.Sites.Select(s => s.Name).Where((_, s) => s % silos == index)];
            silo.AddVerdantCluster(workload, o =>
            {
                o.Sites = sites;
                o.PlacementWait = placementWait ?? o.PlacementWait;
            });
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
