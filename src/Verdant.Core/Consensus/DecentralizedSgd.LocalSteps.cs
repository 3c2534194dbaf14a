using System.Numerics.Tensors;
using Verdant.Core.Models;

namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    /// <summary>
    /// Node <paramref name="node"/>'s tau local steps at round <paramref name="round"/>: the single-node form that a
    /// distributed worker runs on its own row. Returns the mean loss over the steps; the last step's gradient is left in
    /// <paramref name="gradient"/> (P floats). With a <paramref name="halfGradient"/> buffer (P floats), the last step's
    /// batch is taken as two halves at the node's own parameters, which gives the sampling noise at a common point
    /// (<see cref="GradientStatistics.WithinTrace"/>) and the same full-batch gradient.
    /// </summary>
    public float LocalSteps(int node, int round, ModelWorkspace workspace, Span<int> batch, Span<float> gradient,
        Span<float> halfGradient = default)
    {
        if (gradient.Length != Parameters.Cols)
        {
            throw new ArgumentException($"The gradient buffer has {gradient.Length} values, P is {Parameters.Cols}.", nameof(gradient));
        }

        return LocalSteps(node, round, workspace, batch, halfGradient, gradient, accumulate: false, scratch: default);
    }

    // The last step's gradient goes to destination: written, or added when accumulate (a node after the first of its
    // GradientMean group). Added, the steps run on scratch (P floats) and the fused step adds block by block.
    private float LocalSteps(int node, int round, ModelWorkspace workspace, Span<int> batch, Span<float> halfGradient,
        Span<float> destination, bool accumulate, Span<float> scratch)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Span<float> x = Parameters.Row(node);
        Span<float> m = Momentum.Row(node);
        Span<float> g = accumulate ? scratch : destination;
        float eta = Options.StepSize(round);
        float lossSum = 0;
        double squaredSum = 0;
        for (int step = 0; step < Options.LocalSteps; step++)
        {
            _samplers[node].Next(batch);
            bool last = step == Options.LocalSteps - 1;
            bool halves = last && halfGradient.Length == g.Length && batch.Length >= 2;
            if (halves && FuseHalfStep && _network.SupportsHalfBatchGradients(batch.Length / 2, batch.Length - (batch.Length / 2)))
            {
                lossSum += FusedHalfStep(node, round, x, m, destination, accumulate, batch, eta, workspace);
                squaredSum += workspace.LastMeanSquaredLoss;
                continue;
            }

            float loss = halves
                ? HalfBatchLossAndGradient(node, x, batch, g, halfGradient, workspace)
                : _network.LossAndGradient(x, _train, batch, g, workspace);
            if (!float.IsFinite(loss))
            {
                throw new DivergenceException(round, node, $"loss is {loss}");
            }

            // With halves, g holds the first half's gradient and halfGradient the second's; Apply merges them chunk by chunk.
            HalfMerge merge = halves ? new HalfMerge(halfGradient, batch.Length / 2, batch.Length) : default;
            (float normSquared, float sum) = Apply(x, m, g, merge, eta, last);
            if (last)
            {
                _gradientNormsSquared[node] = normSquared;
                if (!float.IsFinite(sum))
                {
                    throw new DivergenceException(round, node, "a parameter is not finite");
                }

                if (accumulate)
                {
                    // Otherwise the steps ran on destination itself.
                    GradientMean.Into(destination, g, first: false);
                }
            }

            lossSum += loss;
            squaredSum += workspace.LastMeanSquaredLoss;
        }

        _squaredLosses[node] = squaredSum / Options.LocalSteps;
        return lossSum / Options.LocalSteps;
    }

    /// <summary>
    /// The two halves' gradients, both at <paramref name="x"/>, into <paramref name="g"/> and <paramref name="half"/>;
    /// records the node's tr(Sigma) from their distance. Their size-weighted mean (the batch gradient) is formed by
    /// <see cref="Apply"/> while it walks the arrays anyway.
    /// </summary>
    private float HalfBatchLossAndGradient(int node, ReadOnlySpan<float> x, ReadOnlySpan<int> batch, Span<float> g,
        Span<float> half, ModelWorkspace workspace)
    {
        int first = batch.Length / 2, second = batch.Length - first;
        float lossA = _network.LossAndGradient(x, _train, batch[..first], g, workspace);
        double squaredA = workspace.LastMeanSquaredLoss;
        float lossB = _network.LossAndGradient(x, _train, batch[first..], half, workspace);
        var losses = new HalfLosses(lossA, lossB, squaredA, workspace.LastMeanSquaredLoss);
        workspace.LastMeanSquaredLoss = losses.SquaredLoss(first, batch.Length);
        float distance = TensorPrimitives.Distance<float>(g, half);
        _withinTrace[node] = GradientStatistics.HalfBatchTrace((double)distance * distance, first, second);
        return losses.Loss(first, batch.Length);
    }
}
