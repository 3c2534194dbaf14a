using Verdant.Cli.Bench;

namespace Verdant.Cli.Tests.Bench;

public sealed class QuickBenchTests
{
    [Fact]
    public void AgainstRooflines_RatiosTakenAgainstTheGivenRooflines_RatesKept()
    {
        // Measured against a low first reading (sgemm 100, stream 20), then set against the best of both readings.
        BenchCase measured = new("mlp", 64, 2500, 80.75, 0.808, 26.5, 1.325, 0, 2911188);

        BenchCase rescaled = QuickBench.AgainstRooflines([measured], sgemm: 200, stream: 50).Single();

        Assert.Equal(measured with { TrainRooflineRatio = 0.404, MixRooflineRatio = 0.53 }, rescaled);
    }
}
