using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class WorkEstimatorTests
{
    [Fact]
    public void Fit_ExactSaturatingCurve_RecoversNodeRoundsToTarget()
    {
        // acc = 0.9 - 2 / sqrt(w) reaches 0.85 at w = (2 / 0.05)^2 = 1600.
        ProgressPoint[] history = Curve(w => 0.9 - (2 / Math.Sqrt(w)));

        double? total = WorkEstimator.FitTotalNodeRounds(history, 0.85);

        Assert.NotNull(total);
        Assert.Equal(1600, total.Value, 6);
    }

    [Fact]
    public void Estimate_NoisyCurve_RemainingWithinTenPercent()
    {
        ProgressPoint[] history = Curve(w => 0.9 - (2 / Math.Sqrt(w)) + (((int)(w / 100) % 2 == 0 ? 1 : -1) * 0.002));

        WorkEstimate estimate = WorkEstimator.Estimate(Context(history, 0.85), 3000, 10);

        Assert.Equal("fit", estimate.Basis);
        Assert.InRange(estimate.RemainingNodeRounds, 540, 660);
        Assert.Equal(10, estimate.ReferenceUnits, 12);
    }

    [Fact]
    public void Estimate_TooFewPoints_UsesPriorLessWorkDone()
    {
        WorkEstimate estimate = WorkEstimator.Estimate(Context([new ProgressPoint(1, 10, 100, 0.5, 1)], 0.85), 3000, 6);

        Assert.Equal("prior", estimate.Basis);
        Assert.Equal(2900, estimate.RemainingNodeRounds);
    }

    [Fact]
    public void Fit_FlatCurveUnderTarget_ReturnsNull()
        => Assert.Null(WorkEstimator.FitTotalNodeRounds(Curve(_ => 0.7), 0.85));

    [Fact]
    public void Estimate_PlateauJustAboveTarget_FallsBackToBoundedPrior()
    {
        // acc = 0.852 - 2 / sqrt(w): the unbounded estimate would be (2 / 0.002)^2 = 1e6 node-rounds.
        ProgressPoint[] history = Curve(w => 0.852 - (2 / Math.Sqrt(w)));

        WorkEstimate estimate = WorkEstimator.Estimate(Context(history, 0.85), 3000, 10);

        Assert.Null(WorkEstimator.FitTotalNodeRounds(history, 0.85));
        Assert.Equal("prior", estimate.Basis);
        Assert.Equal(3000 - 1000, estimate.RemainingNodeRounds, 9);
    }

    [Fact]
    public void Estimate_SteepFitFarAboveTheWorkDone_CappedAtTwiceThePriorOrWorkDone()
    {
        // acc = 0.9 - 20 / sqrt(w) reaches 0.87 at w = (20 / 0.03)^2 = 444 444: clears the margin, but far beyond any bound.
        ProgressPoint[] history = Curve(w => 0.9 - (20 / Math.Sqrt(w)));

        WorkEstimate estimate = WorkEstimator.Estimate(Context(history, 0.87), 3000, 10);

        Assert.Equal("fit, capped", estimate.Basis);
        Assert.Equal(2 * 3000, estimate.RemainingNodeRounds, 9);
    }

    private static ProgressPoint[] Curve(Func<double, double> accuracy)
        => [.. Enumerable.Range(1, 10).Select(i => new ProgressPoint(i, i * 10, i * 100, accuracy(i * 100), 1))];

    private static PolicyContext Context(ProgressPoint[] history, double target)
    {
        PolicyContext c = PolicyFixtures.Context([1], [0], [0]);
        return new PolicyContext(c.NowUtc, c.Epoch, c.Sites, c.Units, c.Forecast, c.Progress, c.Random)
        {
            TargetAccuracy = target,
            History = history,
        };
    }
}
