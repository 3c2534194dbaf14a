using Orleans.Concurrency;

namespace Verdant.Cluster.Contracts;

/// <summary>One compute unit: its parameters, optimizer state and data shard, on a silo of its site (key: <see cref="NodeKey"/>).</summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>Runs the unit's local steps of the round and sends its parameters to the plan's neighbours.</summary>
    Task<TrainReply> Train(RoundPlan plan);

    /// <summary>Mixes the parameters received this round with the plan's weights.</summary>
    Task Mix(MixPlan plan);

    /// <summary>Takes a neighbour's parameters for a round; late and duplicate messages are ignored and counted.</summary>
    /// <remarks>Interleaves: neighbours deliver while this unit is itself inside <see cref="Train"/>, delivering to them.</remarks>
    [AlwaysInterleave]
    Task Deliver(ParameterMessage message);

    /// <summary>A rejoining unit takes the mean of <paramref name="sources"/>' parameters and clears its momentum.</summary>
    Task CatchUp(int[] sources);

    /// <summary>The unit's current parameters.</summary>
    [AlwaysInterleave]
    Task<float[]> GetParameters();

    /// <summary>Counts of ignored messages and the last round mixed.</summary>
    [AlwaysInterleave]
    Task<NodeCounters> GetCounters();
}
