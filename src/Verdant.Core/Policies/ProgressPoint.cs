namespace Verdant.Core.Policies;

/// <summary>
/// One evaluation of the average model so far: when (simulated hours since start), after how many rounds and how much
/// work (node-rounds), its validation accuracy and loss (the split held out of the training set; never the test set). Policies fit the remaining work to target from these.
/// </summary>
public sealed record ProgressPoint(double Hours, int Round, long NodeRounds, double Accuracy, double Loss);
