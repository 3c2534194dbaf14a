namespace Verdant.Core.Simulation;

/// <summary>The average model over all nodes at the end: test accuracy and loss, and the nodes' consensus distance.</summary>
public sealed record FinalMetrics(double TestAccuracy, double TestLoss, double ConsensusDistance);
