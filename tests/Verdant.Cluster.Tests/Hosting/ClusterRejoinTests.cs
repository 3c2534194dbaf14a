using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public sealed class ClusterRejoinTests : IDisposable
{
    private const int Every = 4;
    private readonly DirectoryInfo _checkpoints = Directory.CreateTempSubdirectory("verdant-rejoin-test-");

    public void Dispose() => _checkpoints.Delete(recursive: true);

    [Fact]
    public async Task Run_SiloRestarted_UnitsResumeFromCheckpointAndRejoin()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 16);
        await using InProcessTestCluster cluster = await InProcessCluster.StartAsync(scenario,
            placementWait: TimeSpan.FromSeconds(1), checkpointEvery: Every, checkpointDirectory: _checkpoints.FullName);
        InProcessSiloHandle coal = cluster.Silos.Single(s => s.Name.EndsWith('2'));
        INodeGrain unit4 = cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("rejoin", 4, "coal"));
        float[] atCheckpoint = [];
        (int Round, float[] Parameters, byte[] Stored) restored = default;
        // Phase barriers on the driver's thread: after round index 3 (checkpoint), 6 (stop the coal site), 8 (restart it).
        var phases = new InlineProgress(p =>
        {
            switch (p.Round)
            {
                case Every:
                    atCheckpoint = unit4.GetParameters().GetAwaiter().GetResult().Values;
                    break;
                case 6:
                    cluster.StopSiloAsync(coal).GetAwaiter().GetResult();
                    break;
                case 8:
                    cluster.StartSiloAsync(coal.InstanceNumber, cluster.Options).GetAwaiter().GetResult();
                    restored = Restored(cluster, unit4).GetAwaiter().GetResult();
                    break;
            }
        });

        ClusterRunResult run = await ClusterDriver.RunAsync(cluster.Client, ClusterScenarios.Workload(scenario), "rejoin", progress: phases);

        Assert.Equal(Every - 1, restored.Round);
        Assert.Equal(atCheckpoint, restored.Parameters);
        Assert.Equal(NodeCheckpoint.ToBytes(restored.Parameters), restored.Stored);
        // Round index 8, the first after the restart: each coal unit catches up from its one neighbour that kept training.
        Assert.Equal([(8, 4, 1), (8, 5, 1)], run.Rejoins.Order());
        Assert.Equal(16, run.Result.Rounds.Count);
        Assert.All(run.Result.Rounds, r => Assert.True(double.IsFinite(r.TrainLoss)));
        for (int unit = 0; unit < 6; unit++)
        {
            INodeGrain node = cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("rejoin", unit, ClusterScenarios.SiteNames[unit / 2]));
            Assert.Equal(15, (await node.GetCounters()).MixedRound);
        }

        // Back from round index 8 on, the coal units checkpointed again.
        Assert.True((await unit4.GetCheckpointInfo()).Round >= 8);
        Assert.NotEqual(atCheckpoint, (await unit4.GetParameters()).Values);
    }

    // The restarted site's unit as it reactivates: its checkpoint round, its parameters, and the stored checkpoint's bytes.
    private static async Task<(int Round, float[] Parameters, byte[] Stored)> Restored(InProcessTestCluster cluster, INodeGrain unit)
    {
        int round = -1;
        for (int attempt = 0; attempt < 100 && round < 0; attempt++)
        {
            try
            {
                round = (await unit.GetCheckpointInfo()).Round;
            }
            catch (Exception ex) when (ex is SiteUnavailableException or OrleansException)
            {
                // The restarted silo's metadata has not reached the placing silo yet: ask again.
            }
        }

        float[] parameters = (await unit.GetParameters()).Values;
        IGrainStorage storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(CheckpointStore.StorageName);
        var stored = new GrainState<NodeCheckpoint>(new NodeCheckpoint());
        await storage.ReadStateAsync("checkpoint", unit.GetGrainId(), stored);
        return (round, parameters, stored.State!.Parameters);
    }

    private sealed class InlineProgress(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
