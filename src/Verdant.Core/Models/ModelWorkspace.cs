using Verdant.Core.Numerics;

namespace Verdant.Core.Models;

/// <summary>
/// Scratch buffers for one node's forward and backward pass at a fixed batch size (activations, deltas, the gathered
/// batch). One per worker thread; allocated once, reused every step.
/// </summary>
/// <remarks>
/// Holds BatchSize x (inputs + 2 x sum of layer outputs) floats, and two blocks of <see cref="VectorGemm.HalfBlockRows"/>
/// rows of the widest layer input for <see cref="Network.HalfBatchGradients"/>. Not thread-safe: two concurrent calls
/// must use two workspaces. For <see cref="Network.Evaluate"/> pick a large batch size (e.g. 1000) to amortize GEMM overhead.
/// </remarks>
public sealed class ModelWorkspace
{
    /// <summary>Allocates buffers for <paramref name="spec"/> at <paramref name="batchSize"/> examples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public ModelWorkspace(ModelSpec spec, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Spec = spec;
        BatchSize = batchSize;
        Input = new float[checked(batchSize * spec.Inputs)];
        Activations = new float[spec.LayerCount][];
        Deltas = new float[spec.LayerCount][];
        for (int l = 0; l < spec.LayerCount; l++)
        {
            Activations[l] = new float[checked(batchSize * spec.LayerOutputs(l))];
            Deltas[l] = new float[Activations[l].Length];
        }

        HalfBlocks = new float[2 * VectorGemm.HalfBlockRows * spec.WidestInput];
    }

    /// <summary>The batch size the buffers fit.</summary>
    public int BatchSize { get; }

    /// <summary>The architecture the buffers fit.</summary>
    public ModelSpec Spec { get; }

    /// <summary>The gathered batch, BatchSize x inputs, row-major.</summary>
    internal float[] Input { get; }

    /// <summary>Per layer, BatchSize x outputs: post-ReLU activations for hidden layers, logits for the last.</summary>
    internal float[][] Activations { get; }

    /// <summary>Per layer, BatchSize x outputs: d(mean loss)/d(pre-activation).</summary>
    internal float[][] Deltas { get; }

    /// <summary>Both halves' weight gradients of a block of rows, for <see cref="Network.HalfBatchGradients"/>.</summary>
    internal float[] HalfBlocks { get; }

    /// <summary>Mean of the squared per-example losses of the last batch evaluated with this workspace (Oort's utility reads it).</summary>
    public double LastMeanSquaredLoss { get; internal set; }
}
