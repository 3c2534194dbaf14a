namespace Verdant.Core.Models;

/// <summary>Each half's mean loss and mean squared per-example loss, from <see cref="Network.HalfBatchGradients"/>.</summary>
internal readonly record struct HalfLosses(float First, float Second, double SquaredFirst, double SquaredSecond);
