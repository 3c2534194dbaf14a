namespace Verdant.Core.Policies;

/// <summary>
/// One evaluation of the average model so far: when (simulated hours since start), after how many rounds and how much
/// work (node-rounds), its test accuracy and loss. Policies fit the remaining work to target from these.
/// </summary>
public sealed record ProgressPoint(double Hours, int Round, long NodeRounds, double Accuracy, double Loss);
