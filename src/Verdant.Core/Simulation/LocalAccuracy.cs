namespace Verdant.Core.Simulation;

/// <summary>Spread of the local models' test accuracy: mean, minimum and 10th percentile (nearest rank).</summary>
public sealed record LocalAccuracy(double Mean, double Min, double P10);
