using System.Diagnostics;
using System.Numerics.Tensors;
using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Cluster.Grains;

/// <summary>
/// The round loop's trainer when every unit is a grain: a round is two phases with a barrier, train-and-send then mix,
/// so that the coordinator can drop units that failed and rebuild the Metropolis weights for the survivors before anyone
/// mixes. A unit asked to mix before its neighbours' one-way messages have all arrived says which are missing and is
/// asked again; a sender still missing after <see cref="DeliveryTimeout"/> is dropped from the round like a failed unit.
/// Blocking by design: it runs on the coordinator's own thread, never on a grain's scheduler.
/// </summary>
/// <remarks>
/// Every reduction (mean loss, gradient statistics, catch-up mean) is done in node order with the same float operations as
/// <see cref="DecentralizedSgd"/>, so with every unit answering the records equal the simulator's bit for bit.
/// </remarks>
internal sealed partial class GrainTrainer : IRoundTrainer
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private readonly Func<int, INodeGrain> _node;
    private readonly bool _gradients;
    private readonly int _batchSize;
    private readonly float[] _losses;
    private readonly double[] _squaredLosses;
    private readonly float[] _meanGradient;
    private readonly GradientMean? _gradientMean;
    private readonly StackedMatrix _parameters;
    private readonly TrainReply?[] _lastReplies;
    private int _round;

    public GrainTrainer(Func<int, INodeGrain> node, int nodeCount, int parameterCount, int batchSize, bool gradients, int firstRound)
    {
        _node = node;
        _gradients = gradients;
        _batchSize = batchSize;
        _losses = new float[nodeCount];
        _squaredLosses = new double[nodeCount];
        _meanGradient = new float[parameterCount];
        _gradientMean = gradients ? new GradientMean(parameterCount, nodeCount) : null;
        _parameters = new StackedMatrix(nodeCount, parameterCount);
        _lastReplies = new TrainReply?[nodeCount];
        _lost = new bool[nodeCount];
        _round = firstRound;
    }

    public int NodeCount => _losses.Length;

    public ReadOnlySpan<float> NodeLosses => _losses;

    public ReadOnlySpan<double> NodeSquaredLosses => _squaredLosses;

    public GradientStatistics LastGradientStatistics { get; private set; } = GradientStatistics.None;

    /// <summary>Units that failed to train or be reached in the last round.</summary>
    public IReadOnlyList<int> LastDropped { get; private set; } = [];

    /// <summary>Each unit's reply in the last round (busy time, energy counters); null for units that did not train or answer.</summary>
    public IReadOnlyList<TrainReply?> LastReplies => _lastReplies;

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
        Array.Clear(_lastReplies);
        if (units.Length == 0)
        {
            // No gradient this round: the last round's statistics must not be observed a second time.
            LastGradientStatistics = GradientStatistics.None;
            return float.NaN;
        }

        TrainReply?[] replies = Train(units, mixing);
        for (int a = 0; a < units.Length; a++)
        {
            _lastReplies[units[a]] = replies[a];
        }

        bool[] survivors = Survivors(active.Length, units, replies);
        bool[] mask = active.ToArray();
        MixSurvivors(mixing, survivors, mask);
        LastDropped = [.. units.Where(i => !survivors[i])];
        MarkLost(units, survivors);
        return Reduce(units, replies, survivors);
    }

    /// <summary>Takes over every unit's last losses from a replayed log, so a resumed run sees what the dead coordinator saw.</summary>
    public void Restore(ReadOnlySpan<float> losses, ReadOnlySpan<double> squaredLosses)
    {
        losses.CopyTo(_losses);
        squaredLosses.CopyTo(_squaredLosses);
    }

    public void CatchUp(int node, ReadOnlySpan<int> sources)
    {
        if (!sources.IsEmpty)
        {
            FloatBlock[] rows = Task.WhenAll(sources.ToArray().Select(j => _node(j).GetParameters())).GetAwaiter().GetResult();
            _node(node).CatchUp(rows).GetAwaiter().GetResult();
        }
    }

    public StackedMatrix ReadParameters()
    {
        Task<FloatBlock>[] reads = [.. Enumerable.Range(0, NodeCount).Select(i => _node(i).GetParameters())];
        for (int i = 0; i < reads.Length; i++)
        {
            try
            {
                reads[i].GetAwaiter().GetResult().Values.CopyTo(_parameters.Row(i));
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
        FloatBlock[]?[] catchUp = CatchUpRows(units, mixing);
        Task<TrainReply>[] calls = [.. units.Select((i, a) => TrainOrRejoin(i, new RoundPlan(_round, Sources(mixing, i), _gradients), catchUp[a]))];
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
        double meanSquared = 0, within = 0;
        float sum = 0;
        int trained = 0, count = 0;
        // The replies' gradients are summed in the simulator's order (GradientMean), so the two record the same statistics.
        // Only those this coordinator asked for: a unit answers a repeated plan with the reply it cached for an earlier
        // coordinator, which may have asked otherwise.
        int gradients = _gradientMean is null ? 0 : replies.Count(r => r?.Gradient is not null), position = 0;
        for (int a = 0; a < units.Length; a++)
        {
            if (replies[a] is not { } reply)
            {
                continue;
            }

            _losses[units[a]] = reply.Loss;
            _squaredLosses[units[a]] = reply.SquaredLoss;
            within += reply.WithinTrace;
            trained++;
            meanSquared += reply.GradientNormSquared;
            if (_gradientMean is not null && reply.Gradient is { } g)
            {
                _gradientMean.Add(position++, gradients, g.Values);
            }

            if (survivors[units[a]])
            {
                sum += reply.Loss;
                count++;
            }
        }

        if (gradients > 0)
        {
            _gradientMean!.Columns(gradients, 0, _meanGradient.Length, _meanGradient);
        }

        // With no gradient this round, _meanGradient still holds an earlier round's mean. Nodes counts the gradients in
        // the mean: the noise-scale estimate takes the mean's batch as Nodes x BatchSize.
        LastGradientStatistics = gradients == 0 ? GradientStatistics.None
            : new GradientStatistics(gradients, _batchSize, meanSquared / trained, TensorPrimitives.Dot(_meanGradient, _meanGradient))
            {
                WithinTrace = _batchSize >= 2 ? within / trained : double.NaN,
            };
        _round++;
        return count == 0 ? float.NaN : sum / count;
    }

    // Asks every survivor to mix until all have; senders whose rows never came are dropped and the weights rebuilt
    // (units that had already mixed keep what they mixed: a failure mid-round costs that round's exactness, nothing more).
    private void MixSurvivors(MixingMatrix mixing, bool[] survivors, bool[] active)
    {
        MixingMatrix weights = survivors.AsSpan().SequenceEqual(active) ? mixing : Rebuilt(mixing, survivors);
        var pending = new SortedSet<int>(Enumerable.Range(0, survivors.Length).Where(i => survivors[i]));
        long started = Stopwatch.GetTimestamp();
        int pauseMs = 0;
        while (pending.Count > 0)
        {
            int[] order = [.. pending];
            Task<int[]>[] calls = [.. order.Select(i => _node(i).Mix(PlanMix(weights, i)))];
            var missing = new SortedSet<int>();
            for (int k = 0; k < order.Length; k++)
            {
                try
                {
                    int[] lacking = calls[k].GetAwaiter().GetResult();
                    missing.UnionWith(lacking);
                    if (lacking.Length == 0)
                    {
                        pending.Remove(order[k]);
                    }
                }
                catch (Exception ex) when (ex is not DivergenceException and not OutOfMemoryException)
                {
                    // Lost between its training and its mix: it keeps its own parameters.
                    pending.Remove(order[k]);
                }
            }

            if (pending.Count == 0)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(started) > DeliveryTimeout)
            {
                foreach (int j in missing)
                {
                    survivors[j] = false;
                    pending.Remove(j);
                }

                weights = Rebuilt(mixing, survivors);
                started = Stopwatch.GetTimestamp();
                continue;
            }

            Thread.Sleep(pauseMs);
            pauseMs = Math.Min(20, (2 * pauseMs) + 1);
        }
    }

    private static MixingMatrix Rebuilt(MixingMatrix mixing, bool[] survivors)
    {
        var weights = new MixingMatrix(mixing.Graph);
        weights.Rebuild(survivors);
        return weights;
    }
}
