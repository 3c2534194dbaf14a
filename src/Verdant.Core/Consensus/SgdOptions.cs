namespace Verdant.Core.Consensus;

/// <summary>
/// Local optimizer settings of D-PSGD: step size eta_t = LearningRate / (1 + LearningRateDecay x t) at round t, heavy-ball
/// momentum, L2 weight decay, examples per local step, and tau = local steps per round.
/// </summary>
public sealed record SgdOptions
{
    /// <summary>Creates validated options.</summary>
    public SgdOptions(float learningRate, int batchSize, int localSteps = 1, float momentum = 0f, float weightDecay = 0f,
        float learningRateDecay = 0f)
    {
        if (!(learningRate > 0 && float.IsFinite(learningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localSteps);
        if (!(momentum is >= 0f and < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must lie in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRateDecay);
        LearningRate = learningRate;
        BatchSize = batchSize;
        LocalSteps = localSteps;
        Momentum = momentum;
        WeightDecay = weightDecay;
        LearningRateDecay = learningRateDecay;
    }

    /// <summary>Initial step size eta_0.</summary>
    public float LearningRate { get; }

    /// <summary>Examples per local step on each node.</summary>
    public int BatchSize { get; }

    /// <summary>Local steps per round (tau).</summary>
    public int LocalSteps { get; }

    /// <summary>Heavy-ball momentum coefficient.</summary>
    public float Momentum { get; }

    /// <summary>L2 weight decay added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>Decay of the step size per round.</summary>
    public float LearningRateDecay { get; }

    /// <summary>Step size at round <paramref name="round"/> (0-based).</summary>
    public float StepSize(int round) => LearningRate / (1f + (LearningRateDecay * round));
}
