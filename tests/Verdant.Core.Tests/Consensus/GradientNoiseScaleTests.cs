using Verdant.Core.Consensus;

namespace Verdant.Core.Tests.Consensus;

public class GradientNoiseScaleTests
{
    /// <summary>
    /// A synthetic quadratic: every node's batch-b gradient is the true gradient G plus Gaussian noise of per-example
    /// variance sigma^2 per coordinate, so tr(Sigma) = d sigma^2 and the planted noise scale is d sigma^2 / |G|^2.
    /// </summary>
    [Theory]
    [InlineData(8, 32, 0.5, 200)]
    [InlineData(16, 16, 2.0, 50)]
    [InlineData(4, 64, 0.2, 1000)]
    public void Estimate_SyntheticQuadratic_RecoversPlantedNoiseScaleWithin20Percent(int nodes, int batch, double sigma, int dims)
    {
        var random = new Random(17);
        double[] g = Enumerable.Range(0, dims).Select(_ => Gaussian(random)).ToArray();
        double planted = dims * sigma * sigma / g.Sum(v => v * v);
        var estimator = new GradientNoiseScale(decay: 0.99);

        for (int round = 0; round < 400; round++)
        {
            estimator.Observe(Round(g, nodes, batch, sigma, random));
        }

        Assert.InRange(estimator.Estimate / planted, 0.8, 1.2);
    }

    [Fact]
    public void Observe_SingleNode_CarriesNoSpreadAndIsSkipped()
    {
        var estimator = new GradientNoiseScale();

        estimator.Observe(new GradientStatistics(1, 32, 4, 4));

        Assert.Equal(0, estimator.Count);
        Assert.True(double.IsNaN(estimator.Estimate));
    }

    private static GradientStatistics Round(double[] g, int nodes, int batch, double sigma, Random random)
    {
        var mean = new double[g.Length];
        double meanSquared = 0;
        for (int i = 0; i < nodes; i++)
        {
            double norm = 0;
            for (int j = 0; j < g.Length; j++)
            {
                double v = g[j] + (sigma / Math.Sqrt(batch) * Gaussian(random));
                mean[j] += v / nodes;
                norm += v * v;
            }

            meanSquared += norm / nodes;
        }

        return new GradientStatistics(nodes, batch, meanSquared, mean.Sum(v => v * v));
    }

    private static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
