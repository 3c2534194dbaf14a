using System.Numerics.Tensors;
using Verdant.Core.Data;
using Verdant.Core.Numerics;

namespace Verdant.Core.Models;

/// <summary>The forward pass, the softmax cross-entropy head and the backward pass.</summary>
public sealed partial class Network
{
    /// <summary>
    /// Z_l = A_{l-1} W_l^T + b_l, then ReLU on hidden layers; the last layer's logits stay in Activations[^1]. Works on
    /// rows [firstRow, firstRow + rows) of the workspace, for layers [fromLayer, toLayer): <paramref name="input"/> is
    /// the input when fromLayer is 0, else it is ignored and the rows of Activations[fromLayer - 1] are read.
    /// </summary>
    private void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, ModelWorkspace workspace,
        int firstRow = 0, int fromLayer = 0, int toLayer = int.MaxValue)
    {
        ReadOnlySpan<float> a = fromLayer == 0
            ? input
            : workspace.Activations[fromLayer - 1].AsSpan(firstRow * Spec.LayerInputs(fromLayer), rows * Spec.LayerInputs(fromLayer));
        for (int l = fromLayer; l < Math.Min(toLayer, Spec.LayerCount); l++)
        {
            int n = Spec.LayerInputs(l);
            int m = Spec.LayerOutputs(l);
            ReadOnlySpan<float> weights = parameters.Slice(Spec.WeightOffset(l), n * m);
            ReadOnlySpan<float> bias = parameters.Slice(Spec.BiasOffset(l), m);
            Span<float> z = workspace.Activations[l].AsSpan(firstRow * m, rows * m);
            _gemm.Sgemm(false, true, rows, m, n, 1f, a, n, weights, n, 0f, z, m);
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = z.Slice(r * m, m);
                TensorPrimitives.Add(row, bias, row);
            }

            if (l < Spec.LayerCount - 1)
            {
                ReluKernels.Forward(z);
            }

            a = z;
        }
    }

    /// <summary>
    /// Sums -log softmax(z)_y over the rows with the max-shift for stability; with <paramref name="withDelta"/> writes
    /// (softmax - onehot) / rows into the last delta. Labels come from <paramref name="batch"/> or, when it is empty,
    /// from the contiguous range starting at <paramref name="firstExample"/>. Counts argmax hits.
    /// </summary>
    private double SoftmaxCrossEntropy(byte[] labels, ReadOnlySpan<int> batch, int firstExample, int rows,
        ModelWorkspace workspace, bool withDelta, out int hits, int firstRow = 0)
    {
        int classes = Spec.Classes;
        float[] logits = workspace.Activations[^1];
        float[] deltas = workspace.Deltas[^1];
        float invRows = 1f / rows;
        double lossSum = 0, squaredSum = 0;
        hits = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> z = logits.AsSpan((firstRow + r) * classes, classes);
            Span<float> p = deltas.AsSpan((firstRow + r) * classes, classes);
            int label = labels[batch.IsEmpty ? firstExample + r : batch[r]];
            float max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, p);
            TensorPrimitives.Exp(p, p);
            float sum = TensorPrimitives.Sum(p);
            double loss = Math.Log(sum) - (z[label] - max);
            lossSum += loss;
            squaredSum += loss * loss;
            if (withDelta)
            {
                TensorPrimitives.Multiply(p, 1f / (sum * rows), p);
                p[label] -= invRows;
            }
            else if (TensorPrimitives.IndexOfMax(z) == label)
            {
                hits++;
            }
        }

        workspace.LastMeanSquaredLoss = squaredSum / rows;
        return lossSum;
    }

    /// <summary>dW_l = delta_l^T A_{l-1}; db_l = column sums of delta_l; delta_{l-1} = (delta_l W_l) masked by ReLU.</summary>
    private void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, Span<float> gradient,
        ModelWorkspace workspace)
    {
        for (int l = Spec.LayerCount - 1; l >= 0; l--)
        {
            int n = Spec.LayerInputs(l);
            int m = Spec.LayerOutputs(l);
            ReadOnlySpan<float> delta = workspace.Deltas[l].AsSpan(0, rows * m);
            ReadOnlySpan<float> previous = l == 0 ? input : workspace.Activations[l - 1].AsSpan(0, rows * n);
            _gemm.Sgemm(true, false, m, n, rows, 1f, delta, m, previous, n, 0f, gradient.Slice(Spec.WeightOffset(l), n * m), n);
            ColumnSums(delta, rows, m, gradient.Slice(Spec.BiasOffset(l), m));
            if (l > 0)
            {
                InputGradient(l, parameters, delta, previous, workspace.Deltas[l - 1].AsSpan(0, rows * n), rows);
            }
        }
    }

    private const int GatherAhead = 2;

    /// <summary>The examples of <paramref name="batch"/>, row after row, in the workspace's input buffer.</summary>
    private Span<float> Gather(Dataset data, ReadOnlySpan<int> batch, ModelWorkspace workspace)
    {
        int features = Spec.Inputs;
        Span<float> input = workspace.Input.AsSpan(0, batch.Length * features);
        // The examples lie anywhere in the data set, so each copy would start with a wait on memory: the one two ahead is
        // asked for first (docs/performance.md, "Thirteenth pass").
        for (int i = 0; i < Math.Min(GatherAhead, batch.Length); i++)
        {
            Prefetch.ToL2(data.Example(batch[i]));
        }

        for (int i = 0; i < batch.Length; i++)
        {
            if (i + GatherAhead < batch.Length)
            {
                Prefetch.ToL2(data.Example(batch[i + GatherAhead]));
            }

            data.Example(batch[i]).CopyTo(input.Slice(i * features, features));
        }

        return input;
    }

    /// <summary>delta_{l-1} = (delta_l W_l) masked by ReLU for <paramref name="rows"/> rows.</summary>
    private void InputGradient(int l, ReadOnlySpan<float> parameters, ReadOnlySpan<float> delta, ReadOnlySpan<float> previous,
        Span<float> previousDelta, int rows)
    {
        int n = Spec.LayerInputs(l), m = Spec.LayerOutputs(l);
        ReadOnlySpan<float> weights = parameters.Slice(Spec.WeightOffset(l), n * m);
        _gemm.Sgemm(false, false, rows, n, m, 1f, delta, m, weights, n, 0f, previousDelta, n);
        ReluKernels.Backward(previous, previousDelta);
    }

    /// <summary>
    /// sums[c] = sum over <paramref name="rows"/> rows r of delta[r * stride + c], summed from zero row by row (the bias
    /// gradient).
    /// </summary>
    private static void ColumnSums(ReadOnlySpan<float> delta, int rows, int stride, Span<float> sums)
    {
        sums.Clear();
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(sums, delta.Slice(r * stride, sums.Length), sums);
        }
    }
}
