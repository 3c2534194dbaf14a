using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Consensus;

[Collection(SerialAllocationTests.Name)]
public class DecentralizedSgdAllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RunRound_SteadyState_AllocatesNothing(bool vectorGemm)
    {
        (Dataset data, _) = SyntheticLogistic.Create(512, 32, 10, new Random(1));
        IGemm gemm = vectorGemm ? new VectorGemm(OpenBlasGemm.Create(1)) : OpenBlasGemm.Create(1);
        var network = new Network(ModelSpec.Mlp(32, [16], 10), gemm);
        int[][] shards = Partitioner.Partition(data.Labels, 10, 16, new PartitionSpec(PartitionKind.Iid), new Random(2));
        using var sgd = new DecentralizedSgd(network, data, shards, new SgdOptions(0.05f, 8, 2, momentum: 0.9f), 3, workers: 2);
        var mixing = new MixingMatrix(Topology.Build(new TopologySpec(TopologyKind.Exponential), 16, null, new Random(6)));
        bool[] active = Enumerable.Range(0, 16).Select(i => i % 3 != 0).ToArray();
        mixing.Rebuild(active);
        for (int t = 0; t < 5; t++)
        {
            sgd.RunRound(active, mixing);
        }

        // Steady state: the tiered JIT may still promote methods (and allocate while doing so) in the first windows of a
        // fresh process; a per-round allocation in the trainer would show in every window.
        (long Caller, long Workers) last = (-1, -1);
        for (int window = 0; window < 10 && last != (0, 0); window++)
        {
            long callerBefore = GC.GetAllocatedBytesForCurrentThread();
            long workersBefore = sgd.WorkerAllocatedBytes;
            for (int t = 0; t < 20; t++)
            {
                sgd.RunRound(active, mixing);
            }

            last = (GC.GetAllocatedBytesForCurrentThread() - callerBefore, sgd.WorkerAllocatedBytes - workersBefore);
        }

        Assert.Equal((0L, 0L), last);
    }
}
