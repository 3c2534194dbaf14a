using Verdant.Core.Data;
using Verdant.Core.Numerics;

namespace Verdant.Core.Models;

public sealed partial class Network
{
    /// <summary>
    /// Whether <see cref="HalfBatchGradients"/> can stand in for two <see cref="LossAndGradient"/> calls on halves of
    /// <paramref name="first"/> and <paramref name="second"/> examples: its weight-gradient products form the bits of
    /// <see cref="VectorGemm"/>'s tiles, so only when the network computes with a VectorGemm that would run those
    /// products on its tiles.
    /// </summary>
    internal bool SupportsHalfBatchGradients(int first, int second)
    {
        if (_gemm is not VectorGemm vector)
        {
            return false;
        }

        for (int l = 0; l < Spec.LayerCount; l++)
        {
            int n = Spec.LayerInputs(l), m = Spec.LayerOutputs(l);
            if (!vector.RunsOnTiles(false, m, n, first) || !vector.RunsOnTiles(false, m, n, second))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sizes the calling thread's GEMM scratch for batches of up to <paramref name="rows"/> examples (a no-op unless the
    /// network computes with a <see cref="VectorGemm"/>), so that the thread's first step allocates nothing.
    /// </summary>
    internal void ReserveThreadScratch(int rows)
    {
        if (_gemm is VectorGemm)
        {
            VectorGemm.ReserveForward(rows, Spec.WidestInput, Spec.WidestOutput);
        }
    }

    /// <summary>
    /// The two halves of <paramref name="batch"/> (its first <paramref name="first"/> examples and the rest) at the same
    /// parameters, as two <see cref="LossAndGradient"/> calls compute them, except that every gradient is handed to
    /// <paramref name="sink"/> as a pair (first half's, second half's) instead of being written.
    /// </summary>
    /// <remarks>
    /// Each pair holds the bits the two calls would have written when <see cref="SupportsHalfBatchGradients"/> holds. A
    /// layer's gradients are handed over after the last read of its weights (its input-gradient products run first), so
    /// the sink may update the parameters in place, and the gradients, never stored whole, need not be read back
    /// (docs/performance.md).
    /// </remarks>
    /// <returns>Each half's mean loss and mean squared per-example loss.</returns>
    /// <exception cref="ArgumentException">A length, the workspace or the data does not fit, or a half is empty.</exception>
    internal unsafe HalfLosses HalfBatchGradients<TSink>(ReadOnlySpan<float> parameters, Dataset data, ReadOnlySpan<int> batch,
        int first, ModelWorkspace workspace, ref TSink sink)
        where TSink : IHalfGradientSink, allows ref struct
    {
        CheckCall(parameters.Length, data, workspace);
        if (batch.Length > workspace.BatchSize || first < 1 || first >= batch.Length)
        {
            throw new ArgumentException(
                $"A batch of {batch.Length} examples split after {first} does not give two halves in a workspace of {workspace.BatchSize}.",
                nameof(batch));
        }

        int rows = batch.Length, second = rows - first, features = Spec.Inputs;
        Span<float> input = Gather(data, batch, workspace);

        int shared = SharedForwardLayers(first, second);
        Forward(parameters, input, rows, workspace, toLayer: shared);
        Forward(parameters, input[..(first * features)], first, workspace, fromLayer: shared);
        double lossFirst = SoftmaxCrossEntropy(data.Labels, batch[..first], 0, first, workspace, withDelta: true, out _);
        double squaredFirst = workspace.LastMeanSquaredLoss;
        Forward(parameters, input[(first * features)..], second, workspace, first, fromLayer: shared);
        double lossSecond = SoftmaxCrossEntropy(data.Labels, batch[first..], 0, second, workspace, withDelta: true, out _, first);
        double squaredSecond = workspace.LastMeanSquaredLoss;
        for (int l = Spec.LayerCount - 1; l >= 0; l--)
        {
            int n = Spec.LayerInputs(l);
            int m = Spec.LayerOutputs(l);
            ReadOnlySpan<float> delta = workspace.Deltas[l].AsSpan(0, rows * m);
            ReadOnlySpan<float> previous = l == 0 ? input : workspace.Activations[l - 1].AsSpan(0, rows * n);
            if (l > 0)
            {
                // Each half's product on its own, as LossAndGradient runs it: the GEMM may route a product by its row count.
                Span<float> previousDelta = workspace.Deltas[l - 1].AsSpan(0, rows * n);
                InputGradient(l, parameters, delta[..(first * m)], previous[..(first * n)], previousDelta[..(first * n)], first);
                InputGradient(l, parameters, delta[(first * m)..], previous[(first * n)..], previousDelta[(first * n)..], second);
            }

            fixed (float* d = delta)
            fixed (float* a = previous)
            {
                VectorGemm.HalfGradients(m, n, d, a, first, d + (first * m), a + (first * n), second, Spec.WeightOffset(l),
                    workspace.HalfBlocks, ref sink);
                HalfBiasGradients(m, delta, first, second, Spec.BiasOffset(l), ref sink);
            }
        }

        return new HalfLosses((float)(lossFirst / first), (float)(lossSecond / second), squaredFirst, squaredSecond);
    }

    // How many leading layers may run their forward product over the whole batch at once instead of half by half: those
    // whose product runs on the tiles at both halves' row counts and at the batch's, where an element's bits do not
    // depend on the row count, so that the wide matrices are read once per step and the tiles are twice as wide
    // (docs/performance.md, "Twelfth pass").
    private int SharedForwardLayers(int first, int second)
    {
        if (_gemm is not VectorGemm vector)
        {
            return 0;
        }

        int l = 0;
        for (; l < Spec.LayerCount; l++)
        {
            int n = Spec.LayerInputs(l), m = Spec.LayerOutputs(l);
            if (!vector.RunsOnTiles(true, first, m, n) || !vector.RunsOnTiles(true, second, m, n)
                || !vector.RunsOnTiles(true, first + second, m, n))
            {
                break;
            }
        }

        return l;
    }

    // Each half's bias gradients (Backward's column sums), a stack-sized chunk of columns at a time.
    private static void HalfBiasGradients<TSink>(int m, ReadOnlySpan<float> delta, int first, int second, int offset, ref TSink sink)
        where TSink : IHalfGradientSink, allows ref struct
    {
        const int Chunk = 256;
        Span<float> sums = stackalloc float[2 * Chunk];
        for (int c = 0; c < m; c += Chunk)
        {
            int width = Math.Min(Chunk, m - c);
            Span<float> f = sums[..width], s = sums.Slice(Chunk, width);
            ColumnSums(delta[c..], first, m, f);
            ColumnSums(delta[((first * m) + c)..], second, m, s);
            sink.Take(f, s, offset + c);
        }
    }
}
