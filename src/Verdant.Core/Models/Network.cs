using Verdant.Core.Data;
using Verdant.Core.Numerics;

namespace Verdant.Core.Models;

/// <summary>
/// Forward and backward passes of a <see cref="ModelSpec"/> on one parameter row: the per-node math that the stacked
/// trainer runs over many rows and a distributed worker runs on its own. Softmax cross-entropy loss, ReLU hidden layers.
/// </summary>
/// <remarks>
/// Immutable after construction, so concurrent calls are safe as long as each uses its own <see cref="ModelWorkspace"/>
/// (and its own gradient span). Initialization: He-uniform for ReLU layers (He et al., "Delving deep into rectifiers",
/// ICCV 2015), Glorot-uniform for the last layer (Glorot and Bengio, AISTATS 2010), zero biases.
/// </remarks>
public sealed partial class Network
{
    private readonly IGemm _gemm;

    /// <summary>Binds a spec to a GEMM provider.</summary>
    public Network(ModelSpec spec, IGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(gemm);
        Spec = spec;
        _gemm = gemm;
    }

    /// <summary>The architecture.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Fills <paramref name="parameters"/> with a seeded initialization (He-uniform weights, zero biases).</summary>
    /// <remarks>Hidden layers U(-sqrt(6/n), sqrt(6/n)); the last layer U(-sqrt(6/(n+m)), sqrt(6/(n+m))).</remarks>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not ParameterCount long.</exception>
    public void Initialize(Span<float> parameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckRow(parameters.Length, nameof(parameters));
        for (int l = 0; l < Spec.LayerCount; l++)
        {
            int n = Spec.LayerInputs(l);
            int m = Spec.LayerOutputs(l);
            double fan = l < Spec.LayerCount - 1 ? n : n + m;
            double bound = Math.Sqrt(6.0 / fan);
            foreach (ref float w in parameters.Slice(Spec.WeightOffset(l), n * m))
            {
                w = (float)(((2.0 * random.NextDouble()) - 1.0) * bound);
            }

            parameters.Slice(Spec.BiasOffset(l), m).Clear();
        }
    }

    /// <summary>
    /// Computes the mean cross-entropy over the examples <paramref name="batch"/> of <paramref name="data"/> and writes its
    /// gradient with respect to <paramref name="parameters"/> into <paramref name="gradient"/>. Allocates nothing.
    /// </summary>
    /// <remarks>The batch may be shorter than <see cref="ModelWorkspace.BatchSize"/>; the mean is over its length.</remarks>
    /// <exception cref="ArgumentException">A length, the workspace's spec or the data's shape does not fit.</exception>
    /// <returns>The mean loss over the batch.</returns>
    public float LossAndGradient(ReadOnlySpan<float> parameters, Dataset data, ReadOnlySpan<int> batch,
        Span<float> gradient, ModelWorkspace workspace)
    {
        CheckCall(parameters.Length, data, workspace);
        CheckRow(gradient.Length, nameof(gradient));
        if (batch.IsEmpty || batch.Length > workspace.BatchSize)
        {
            throw new ArgumentException(
                $"Batch of {batch.Length} examples does not fit a workspace of {workspace.BatchSize}.", nameof(batch));
        }

        int rows = batch.Length;
        Span<float> input = Gather(data, batch, workspace);
        Forward(parameters, input, rows, workspace);
        double lossSum = SoftmaxCrossEntropy(data.Labels, batch, 0, rows, workspace, withDelta: true, out _);
        Backward(parameters, input, rows, gradient, workspace);
        return (float)(lossSum / rows);
    }

    /// <summary>Mean loss and accuracy of <paramref name="parameters"/> over all of <paramref name="data"/>.</summary>
    /// <remarks>Works in chunks of <see cref="ModelWorkspace.BatchSize"/> read in place from the data set; allocates nothing.</remarks>
    /// <exception cref="ArgumentException">A length, the workspace's spec or the data's shape does not fit.</exception>
    public (double Loss, double Accuracy) Evaluate(ReadOnlySpan<float> parameters, Dataset data, ModelWorkspace workspace)
    {
        CheckCall(parameters.Length, data, workspace);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < data.Count; start += workspace.BatchSize)
        {
            int rows = Math.Min(workspace.BatchSize, data.Count - start);
            ReadOnlySpan<float> input = data.Features.AsSpan(start * Spec.Inputs, rows * Spec.Inputs);
            Forward(parameters, input, rows, workspace);
            lossSum += SoftmaxCrossEntropy(data.Labels, default, start, rows, workspace, withDelta: false, out int hits);
            correct += hits;
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private void CheckCall(int parameterLength, Dataset data, ModelWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(workspace);
        CheckRow(parameterLength, "parameters");
        if (!ReferenceEquals(workspace.Spec, Spec) && !workspace.Spec.Equals(Spec))
        {
            throw new ArgumentException("The workspace was sized for a different model.", nameof(workspace));
        }

        if (data.FeatureCount != Spec.Inputs || data.ClassCount > Spec.Classes)
        {
            throw new ArgumentException(
                $"Data of {data.FeatureCount} features and {data.ClassCount} classes does not fit a model of " +
                $"{Spec.Inputs} inputs and {Spec.Classes} classes.", nameof(data));
        }
    }

    private void CheckRow(int length, string name)
    {
        if (length != Spec.ParameterCount)
        {
            throw new ArgumentException($"Expected {Spec.ParameterCount} parameters, got {length}.", name);
        }
    }
}
