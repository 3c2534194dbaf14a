namespace Verdant.Core.Policies;

/// <summary>
/// Estimates the node-rounds still needed to reach the target accuracy by fitting the saturating learning curve
/// acc(w) = a - c / sqrt(w) to the evaluations so far (w = cumulative node-rounds).
/// </summary>
/// <remarks>
/// The 1/sqrt(w) form is the O(1/sqrt(T)) rate of decentralized SGD on non-convex objectives (Lian et al., "Can
/// Decentralized Algorithms Outperform Centralized Algorithms?", NeurIPS 2017), read as accuracy against total work. The
/// fit is ordinary least squares of acc on x = 1/sqrt(w) over the last <see cref="FitWindow"/> evaluations; the target is
/// reached at w* = (c / (a - target))^2. Before <see cref="MinPoints"/> evaluations, or when the fit has no positive slope
/// or a plateau under the target, the remaining work is the prior (an option, in node-rounds of the reference count) less
/// the work done. While the last evaluation is under the target the estimate never drops below
/// <see cref="MinRemainingFraction"/> of the work done or <see cref="MinRemainingRounds"/> rounds, whichever is more.
/// </remarks>
public static class WorkEstimator
{
    /// <summary>Evaluations needed before the fit replaces the prior.</summary>
    public const int MinPoints = 3;

    /// <summary>The most recent evaluations the fit uses (the early curve bends differently).</summary>
    public const int FitWindow = 20;

    /// <summary>Least remaining work while the target is not reached, as a share of the work done so far.</summary>
    public const double MinRemainingFraction = 0.1;

    /// <summary>Least remaining work while the target is not reached, in rounds of the reference count.</summary>
    public const double MinRemainingRounds = 10;

    /// <summary>Remaining node-rounds to the context's target, from its history, or <paramref name="priorNodeRounds"/>.</summary>
    public static WorkEstimate Estimate(PolicyContext context, double priorNodeRounds, double fallbackUnits)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<ProgressPoint> history = context.History;
        ProgressPoint? last = history.Count > 0 ? history[^1] : null;
        double reference = last is { Round: > 0, NodeRounds: > 0 } ? (double)last.NodeRounds / last.Round : fallbackUnits;
        if (context.TargetAccuracy is not { } target)
        {
            return new WorkEstimate(context.RemainingRounds * reference, reference, "no target");
        }

        if (last is not null && last.Accuracy >= target)
        {
            return new WorkEstimate(0, reference, "reached");
        }

        double done = last?.NodeRounds ?? 0;
        double? total = FitTotalNodeRounds(history, target);
        // Below the target, a fit or prior that puts it behind us is noise: keep a floor of work still to do.
        double floor = Math.Max(MinRemainingFraction * done, MinRemainingRounds * reference);
        return total is { } w
            ? new WorkEstimate(Math.Max(floor, w - done), reference, "fit")
            : new WorkEstimate(Math.Max(floor, priorNodeRounds - done), reference, "prior");
    }

    /// <summary>
    /// Total node-rounds at which the fitted curve reaches <paramref name="target"/>; null without enough points, without a
    /// rising curve, or when the fitted plateau a is at or under the target.
    /// </summary>
    public static double? FitTotalNodeRounds(IReadOnlyList<ProgressPoint> history, double target)
    {
        ArgumentNullException.ThrowIfNull(history);
        ProgressPoint[] points = [.. history.Where(p => p.NodeRounds > 0 && double.IsFinite(p.Accuracy)).TakeLast(FitWindow)];
        if (points.Length < MinPoints)
        {
            return null;
        }

        double meanX = points.Average(p => 1 / Math.Sqrt(p.NodeRounds));
        double meanY = points.Average(p => p.Accuracy);
        double sxx = 0, sxy = 0;
        foreach (ProgressPoint p in points)
        {
            double dx = (1 / Math.Sqrt(p.NodeRounds)) - meanX;
            sxx += dx * dx;
            sxy += dx * (p.Accuracy - meanY);
        }

        double c = sxx > 0 ? -sxy / sxx : 0;
        double a = meanY + (c * meanX);
        if (!(c > 0) || !(a > target))
        {
            return null;
        }

        double ratio = c / (a - target);
        return ratio * ratio;
    }
}
