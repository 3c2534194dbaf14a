using System.Numerics.Tensors;
using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Cluster.Grains;

/// <summary>
/// The round loop's trainer when every unit is a grain: a round is two phases with a barrier, train-and-send then mix,
/// so that the coordinator can drop units that failed and rebuild the Metropolis weights for the survivors before anyone
/// mixes. Blocking by design: it runs on the coordinator's own thread, never on a grain's scheduler.
/// </summary>
/// <remarks>
/// Every reduction (mean loss, gradient statistics, catch-up mean) is done in node order with the same float operations as
/// <see cref="DecentralizedSgd"/>, so with every unit answering the records equal the simulator's bit for bit.
/// </remarks>
internal sealed class GrainTrainer : IRoundTrainer
{
    private readonly Func<int, INodeGrain> _node;
    private readonly bool _gradients;
    private readonly int _batchSize;
    private readonly float[] _losses;
    private readonly float[] _meanGradient;
    private readonly StackedMatrix _parameters;
    private int _round;

    public GrainTrainer(Func<int, INodeGrain> node, int nodeCount, int parameterCount, int batchSize, bool gradients, int firstRound)
    {
        _node = node;
        _gradients = gradients;
        _batchSize = batchSize;
        _losses = new float[nodeCount];
        _meanGradient = new float[parameterCount];
        _parameters = new StackedMatrix(nodeCount, parameterCount);
        _round = firstRound;
    }

    public int NodeCount => _losses.Length;

    public ReadOnlySpan<float> NodeLosses => _losses;

    public GradientStatistics LastGradientStatistics { get; private set; } = GradientStatistics.None;

    /// <summary>Units that failed to train or be reached in the last round.</summary>
    public IReadOnlyList<int> LastDropped { get; private set; } = [];

    public float RunRound(ReadOnlySpan<bool> active, MixingMatrix mixing)
    {
        ArgumentNullException.ThrowIfNull(mixing);
        var list = new List<int>(active.Length);
        for (int i = 0; i < active.Length; i++)
        {
            if (active[i])
            {
                list.Add(i);
            }
        }

        int[] units = [.. list];
        if (units.Length == 0)
        {
            return float.NaN;
        }

        TrainReply?[] replies = Train(units, mixing);
        bool[] survivors = Survivors(active.Length, units, replies);
        MixingMatrix weights = mixing;
        if (units.Any(i => !survivors[i]))
        {
            weights = new MixingMatrix(mixing.Graph);
            weights.Rebuild(survivors);
        }

        Wait(units.Where(i => survivors[i]).Select(i => _node(i).Mix(PlanMix(weights, i))));
        LastDropped = [.. units.Where(i => !survivors[i])];
        return Reduce(units, replies, survivors);
    }

    public void CatchUp(int node, ReadOnlySpan<int> sources)
    {
        if (!sources.IsEmpty)
        {
            _node(node).CatchUp(sources.ToArray()).GetAwaiter().GetResult();
        }
    }

    public StackedMatrix ReadParameters()
    {
        Task<float[]>[] reads = [.. Enumerable.Range(0, NodeCount).Select(i => _node(i).GetParameters())];
        for (int i = 0; i < reads.Length; i++)
        {
            try
            {
                reads[i].GetAwaiter().GetResult().CopyTo(_parameters.Row(i));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not DivergenceException)
            {
                // A unit whose site is down keeps the last parameters read from it.
            }
        }

        return _parameters;
    }

    public void Dispose()
    {
    }

    private TrainReply?[] Train(int[] units, MixingMatrix mixing)
    {
        Task<TrainReply>[] calls = [.. units.Select(i => _node(i).Train(new RoundPlan(_round, Sources(mixing, i), _gradients)))];
        var replies = new TrainReply?[units.Length];
        for (int a = 0; a < units.Length; a++)
        {
            try
            {
                replies[a] = calls[a].GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not DivergenceException and not OutOfMemoryException)
            {
                replies[a] = null;
            }
        }

        return replies;
    }

    private static bool[] Survivors(int n, int[] units, TrainReply?[] replies)
    {
        var survivors = new bool[n];
        for (int a = 0; a < units.Length; a++)
        {
            survivors[units[a]] = replies[a] is not null;
        }

        foreach (TrainReply? reply in replies)
        {
            foreach (int j in reply?.Unreached ?? [])
            {
                survivors[j] = false;
            }
        }

        return survivors;
    }

    // Same order as Gossip's row mix: the diagonal first, then the other nonzero weights in column order.
    private static int[] Sources(MixingMatrix mixing, int i)
    {
        ReadOnlySpan<int> columns = mixing.RowColumns(i);
        ReadOnlySpan<float> weights = mixing.RowWeights(i);
        int diagonal = mixing.DiagonalSlot(i);
        var sources = new List<int>(columns.Length);
        for (int k = 0; k < columns.Length; k++)
        {
            if (k != diagonal && weights[k] != 0f)
            {
                sources.Add(columns[k]);
            }
        }

        return [.. sources];
    }

    private MixPlan PlanMix(MixingMatrix mixing, int i)
    {
        ReadOnlySpan<float> row = mixing.RowWeights(i);
        int diagonal = mixing.DiagonalSlot(i);
        var weights = new List<float>(row.Length) { row[diagonal] };
        for (int k = 0; k < row.Length; k++)
        {
            if (k != diagonal && row[k] != 0f)
            {
                weights.Add(row[k]);
            }
        }

        return new MixPlan(_round, Sources(mixing, i), [.. weights]);
    }

    private float Reduce(int[] units, TrainReply?[] replies, bool[] survivors)
    {
        Array.Clear(_meanGradient);
        double meanSquared = 0;
        float sum = 0;
        int trained = 0, count = 0;
        for (int a = 0; a < units.Length; a++)
        {
            if (replies[a] is not { } reply)
            {
                continue;
            }

            _losses[units[a]] = reply.Loss;
            trained++;
            meanSquared += reply.GradientNormSquared;
            if (reply.Gradient is { } g)
            {
                TensorPrimitives.Add(_meanGradient, g, _meanGradient);
            }

            if (survivors[units[a]])
            {
                sum += reply.Loss;
                count++;
            }
        }

        TensorPrimitives.Multiply(_meanGradient, 1f / Math.Max(1, trained), _meanGradient);
        LastGradientStatistics = trained == 0 || !_gradients ? GradientStatistics.None
            : new GradientStatistics(trained, _batchSize, meanSquared / trained, TensorPrimitives.Dot(_meanGradient, _meanGradient));
        _round++;
        return count == 0 ? float.NaN : sum / count;
    }

    private static void Wait(IEnumerable<Task> tasks)
    {
        foreach (Task task in tasks.ToArray())
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not DivergenceException and not OutOfMemoryException)
            {
                // A unit lost between its training and its mix keeps its own parameters; the others have mixed.
            }
        }
    }
}
