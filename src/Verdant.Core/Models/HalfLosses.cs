namespace Verdant.Core.Models;

/// <summary>Each half's mean loss and mean squared per-example loss, from <see cref="Network.HalfBatchGradients"/>.</summary>
internal readonly record struct HalfLosses(float First, float Second, double SquaredFirst, double SquaredSecond)
{
    /// <summary>The batch's mean loss: the halves' means weighted by their sizes (<paramref name="first"/> of <paramref name="total"/>).</summary>
    public float Loss(int first, int total) => ((first * First) + ((total - first) * Second)) / total;

    /// <summary>The batch's mean squared per-example loss, weighted the same way.</summary>
    public double SquaredLoss(int first, int total) => ((first * SquaredFirst) + ((total - first) * SquaredSecond)) / total;
}
