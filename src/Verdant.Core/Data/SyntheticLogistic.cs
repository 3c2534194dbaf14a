namespace Verdant.Core.Data;

/// <summary>A synthetic multinomial-logistic problem with planted weights: a convex objective with a known solution scale, for tests.</summary>
public static class SyntheticLogistic
{
    /// <summary>Draws Gaussian features and labels sampled from softmax(W* x) for planted W* (classes x (features+1)).</summary>
    public static (Dataset Data, float[] PlantedWeights) Create(int count, int featureCount, int classCount, Random random)
        => throw new NotImplementedException();
}
