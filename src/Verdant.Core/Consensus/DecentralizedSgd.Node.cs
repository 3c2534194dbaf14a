using System.Numerics.Tensors;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    /// <summary>
    /// A trainer of one row for unit <paramref name="node"/> of a larger fleet: same initial parameters and the same
    /// batch stream as row <paramref name="node"/> of the stacked trainer, so a worker that holds one unit runs exactly
    /// the simulator's steps for it (row 0 here is that unit).
    /// </summary>
    public static DecentralizedSgd ForNode(Network network, Dataset train, int[] shard, SgdOptions options, int seed, int node)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        return new DecentralizedSgd(network, train, [shard], options, seed, workers: 1, firstNode: node);
    }

    /// <inheritdoc />
    public StackedMatrix ReadParameters() => Parameters;

    /// <summary>tr(Sigma_i) of each node from its last round's half-batch gradients (NaN before any, or with batch 1).</summary>
    public ReadOnlySpan<double> NodeWithinTraces => _withinTrace;

    /// <summary>
    /// The row form of <see cref="CatchUp"/>: row <paramref name="node"/> becomes the mean of <paramref name="rows"/>
    /// (summed in order, then scaled, as the stacked form does) and its momentum is cleared. No-op without rows.
    /// </summary>
    /// <exception cref="ArgumentException">A row's length differs from P.</exception>
    public void CatchUpFrom(int node, IReadOnlyList<ReadOnlyMemory<float>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        Span<float> x = Parameters.Row(node);
        x.Clear();
        foreach (ReadOnlyMemory<float> row in rows)
        {
            if (row.Length != x.Length)
            {
                throw new ArgumentException($"A source row has {row.Length} values, P is {x.Length}.", nameof(rows));
            }

            TensorPrimitives.Add(x, row.Span, x);
        }

        TensorPrimitives.Multiply(x, 1f / rows.Count, x);
        Momentum.Row(node).Clear();
    }

    /// <summary>Where node <paramref name="node"/>'s batch stream stands: epochs completed and position in the current one.</summary>
    public (long CompletedEpochs, int Position) SamplerState(int node) => (_samplers[node].CompletedEpochs, _samplers[node].Position);

    /// <summary>
    /// Moves node <paramref name="node"/>'s batch stream, which must not have drawn yet, to a state read by
    /// <see cref="SamplerState"/> (see <see cref="BatchSampler.Restore"/>), so a unit restored from a checkpoint draws
    /// the batches it would have drawn.
    /// </summary>
    public void RestoreSampler(int node, long completedEpochs, int position) => _samplers[node].Restore(completedEpochs, position);
}
