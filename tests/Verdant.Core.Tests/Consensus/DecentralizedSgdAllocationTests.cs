using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

[Collection(SerialAllocationTests.Name)]
public class DecentralizedSgdAllocationTests
{
    [Fact]
    public void RunRound_SteadyState_AllocatesNothing()
    {
        (Dataset data, _) = SyntheticLogistic.Create(512, 32, 10, new Random(1));
        var network = new Network(ModelSpec.Mlp(32, [16], 10), OpenBlasGemm.Create(1));
        int[][] shards = Partitioner.Partition(data.Labels, 10, 16, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.05f, 8, 2, momentum: 0.9f), 3, workers: 2);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Exponential), 16, null, new Random(6)));
        bool[] active = Enumerable.Range(0, 16).Select(i => i % 3 != 0).ToArray();
        mixing.Rebuild(active);
        for (int t = 0; t < 5; t++)
        {
            sgd.RunRound(active, mixing);
        }

        long callerBefore = GC.GetAllocatedBytesForCurrentThread();
        long workersBefore = sgd.WorkerAllocatedBytes;
        for (int t = 0; t < 20; t++)
        {
            sgd.RunRound(active, mixing);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - callerBefore);
        Assert.Equal(0, sgd.WorkerAllocatedBytes - workersBefore);
    }
}
