using Orleans.TestingHost;
using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;

namespace Verdant.Cluster.Tests.Grains;

/// <summary>A coordinator that restarts mid-round asks units again for a round they have done: nothing may step or mix twice.</summary>
[Trait("Category", "Cluster")]
public sealed class NodeGrainRestartTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InProcessCluster.StartAsync(ClusterScenarios.Small("all"), silos: 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task TrainAndMix_AskedTwiceForOneRound_AnswerAgainWithoutSteppingOrMixingTwice()
    {
        INodeGrain a = _cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("again", 0, "sunny"));
        INodeGrain b = _cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("again", 1, "sunny"));
        TrainReply first = await a.Train(new RoundPlan(0, [1], true));
        float[] trained = (await a.GetParameters()).Values;
        _ = await b.Train(new RoundPlan(0, [0], true));
        float[] neighbour = (await b.GetParameters()).Values;

        TrainReply second = await a.Train(new RoundPlan(0, [1], true));
        Assert.Equal(first.Gradient?.Values, second.Gradient?.Values);
        Assert.Equal(first with { Gradient = null }, second with { Gradient = null });
        Assert.Equal(trained, (await a.GetParameters()).Values);

        await Until(async () => (await a.Mix(new MixPlan(0, [1], [0.5f, 0.5f]))).Length == 0);
        float[] mixed = (await a.GetParameters()).Values;
        var expected = new float[trained.Length];
        Gossip.MixRow([0.5f, 0.5f], [trained, neighbour], expected);
        Assert.Equal(expected, mixed);

        Assert.Empty(await a.Mix(new MixPlan(0, [1], [0.5f, 0.5f])));
        _ = await a.Train(new RoundPlan(0, [1], true));
        Assert.Equal(mixed, (await a.GetParameters()).Values);
        NodeCounters counters = await a.GetCounters();
        Assert.Equal((0, 0), (counters.MixedRound, counters.TrainedRound));
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        for (int attempt = 0; attempt < 10_000 && !await condition(); attempt++)
        {
            await Task.Yield();
        }

        Assert.True(await condition(), "condition not reached");
    }
}
