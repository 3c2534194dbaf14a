using Verdant.Core.Data;
using Verdant.Core.Numerics;

namespace Verdant.Core.Models;

/// <summary>
/// Forward and backward passes of a <see cref="ModelSpec"/> on one parameter row: the per-node math that the stacked
/// trainer runs over many rows and a distributed worker runs on its own. Softmax cross-entropy loss, ReLU hidden layers.
/// </summary>
public sealed class Network
{
    /// <summary>Binds a spec to a GEMM provider.</summary>
    public Network(ModelSpec spec, IGemm gemm) => throw new NotImplementedException();

    /// <summary>The architecture.</summary>
    public ModelSpec Spec => throw new NotImplementedException();

    /// <summary>Fills <paramref name="parameters"/> with a seeded initialization (He-uniform weights, zero biases).</summary>
    public void Initialize(Span<float> parameters, Random random) => throw new NotImplementedException();

    /// <summary>
    /// Computes the mean cross-entropy over the examples <paramref name="batch"/> of <paramref name="data"/> and writes its
    /// gradient with respect to <paramref name="parameters"/> into <paramref name="gradient"/>. Allocates nothing.
    /// </summary>
    /// <returns>The mean loss over the batch.</returns>
    public float LossAndGradient(ReadOnlySpan<float> parameters, Dataset data, ReadOnlySpan<int> batch,
        Span<float> gradient, ModelWorkspace workspace) => throw new NotImplementedException();

    /// <summary>Mean loss and accuracy of <paramref name="parameters"/> over all of <paramref name="data"/>.</summary>
    public (double Loss, double Accuracy) Evaluate(ReadOnlySpan<float> parameters, Dataset data, ModelWorkspace workspace)
        => throw new NotImplementedException();
}
