namespace Verdant.Core.Models;

/// <summary>
/// Scratch buffers for one node's forward and backward pass at a fixed batch size (activations, deltas, the gathered
/// batch). One per worker thread; allocated once, reused every step.
/// </summary>
public sealed class ModelWorkspace
{
    /// <summary>Allocates buffers for <paramref name="spec"/> at <paramref name="batchSize"/> examples.</summary>
    public ModelWorkspace(ModelSpec spec, int batchSize) => throw new NotImplementedException();

    /// <summary>The batch size the buffers fit.</summary>
    public int BatchSize => throw new NotImplementedException();
}
