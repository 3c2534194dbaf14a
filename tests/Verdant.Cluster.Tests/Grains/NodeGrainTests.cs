using Orleans.TestingHost;
using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;

namespace Verdant.Cluster.Tests.Grains;

[Trait("Category", "Cluster")]
public sealed class NodeGrainTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InProcessCluster.StartAsync(ClusterScenarios.Small("all"), silos: 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Deliver_LateAndDuplicate_AreIgnoredAndCounted()
    {
        INodeGrain unit = _cluster.Client.GetGrain<INodeGrain>(NodeKey.Format("msg", 0, "sunny"));
        float[] own = (await unit.GetParameters()).Values;
        float[] first = [.. own.Select((_, i) => (float)i)];
        float[] second = [.. own.Select(_ => 100f)];

        // Deliveries are one-way: wait for the unit to have counted the duplicate (a condition, not a sleep).
        await unit.Deliver(new ParameterMessage(0, 1, first));
        await unit.Deliver(new ParameterMessage(0, 1, first));
        await Until(async () => (await unit.GetCounters()).Duplicate == 1);
        int[] missing = await unit.Mix(new MixPlan(0, [1, 2], [0.5f, 0.25f, 0.25f]));
        NodeCounters beforeMix = await unit.GetCounters();
        Assert.Equal([2], missing);
        Assert.Equal(new NodeCounters(0, 1, -1), beforeMix);

        Assert.Empty(await unit.Mix(new MixPlan(0, [1], [0.5f, 0.5f])));
        await unit.Deliver(new ParameterMessage(0, 1, second));
        await Until(async () => (await unit.GetCounters()).Late == 1);
        float[] mixed = (await unit.GetParameters()).Values;
        var expected = new float[own.Length];
        Gossip.MixRow([0.5f, 0.5f], [own, first], expected);

        Assert.Equal(expected, mixed);
        Assert.Equal(new NodeCounters(1, 1, 0), await unit.GetCounters());
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
