using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>
/// What the round loop needs from whoever holds the units' parameters: one D-PSGD round over the active units, the
/// rejoin catch-up, and the units' losses, gradient statistics and parameters. <see cref="DecentralizedSgd"/> holds every
/// unit in one process; the cluster runtime holds one unit per worker and runs the same single-node steps there.
/// </summary>
public interface IRoundTrainer : IDisposable
{
    /// <summary>Node count N.</summary>
    int NodeCount { get; }

    /// <summary>Mean training loss of node i over its local steps in the last round it was active.</summary>
    ReadOnlySpan<float> NodeLosses { get; }

    /// <summary>Mean of node i's squared per-example training losses over its local steps in the last round it was active.</summary>
    ReadOnlySpan<double> NodeSquaredLosses { get; }

    /// <summary>Gradient statistics of the last round (see <see cref="DecentralizedSgd.LastGradientStatistics"/>).</summary>
    GradientStatistics LastGradientStatistics { get; }

    /// <summary>One round: tau local steps on every active node, then X_active &lt;- W X_active; returns the mean loss.</summary>
    /// <exception cref="DivergenceException">A loss or a parameter became non-finite.</exception>
    float RunRound(ReadOnlySpan<bool> active, MixingMatrix mixing);

    /// <summary>A rejoining node takes the mean of <paramref name="sources"/>' parameters and clears its momentum.</summary>
    void CatchUp(int node, ReadOnlySpan<int> sources);

    /// <summary>Every node's current parameters, one row per node; valid until the next call on this trainer.</summary>
    StackedMatrix ReadParameters();
}
