using Orleans.Concurrency;

namespace Verdant.Cluster.Contracts;

/// <summary>One compute unit: its parameters, optimizer state and data shard, on a silo of its site (key: <see cref="NodeKey"/>).</summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>Runs the unit's local steps of the round and sends its parameters to the plan's neighbours (one-way).</summary>
    Task<TrainReply> Train(RoundPlan plan);

    /// <summary>
    /// Mixes the parameters received this round with the plan's weights, if every source's have arrived; otherwise
    /// changes nothing and returns the sources still missing (the caller asks again).
    /// </summary>
    Task<int[]> Mix(MixPlan plan);

    /// <summary>Takes a neighbour's parameters for a round; late and duplicate messages are ignored and counted.</summary>
    /// <remarks>
    /// One-way, so no unit ever awaits another: a unit inside <see cref="Train"/> finishes its turn and then takes what
    /// its neighbours sent, with no reentrancy and no cycle of waits.
    /// </remarks>
    [OneWay]
    Task Deliver(ParameterMessage message);

    /// <summary>A rejoining unit takes the mean of <paramref name="rows"/> (its active neighbours' parameters) and clears its momentum.</summary>
    Task CatchUp(FloatBlock[] rows);

    /// <summary>The unit's current parameters.</summary>
    Task<FloatBlock> GetParameters();

    /// <summary>Counts of ignored messages and the last round mixed.</summary>
    Task<NodeCounters> GetCounters();

    /// <summary>The unit's last checkpoint round and what its checkpoints have cost since it was activated.</summary>
    Task<CheckpointInfo> GetCheckpointInfo();
}
