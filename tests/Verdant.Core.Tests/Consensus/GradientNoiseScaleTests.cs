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

    /// <summary>
    /// Nodes whose true gradients differ (G_i = G + h_i, planted zeta^2 = mean |h_i|^2, h centred) and whose two
    /// half-batches carry noise of per-example variance sigma^2: the noise and the heterogeneity are each recovered,
    /// and the noise is not inflated by the heterogeneity as the across-node estimator's is.
    /// </summary>
    [Theory]
    [InlineData(8, 32, 0.5, 4.0, 400)]
    [InlineData(12, 16, 1.0, 10.0, 200)]
    [InlineData(4, 64, 0.3, 2.0, 1000)]
    public void Estimate_PlantedNoiseAndHeterogeneity_EachRecoveredWithin20Percent(int nodes, int batch, double sigma,
        double zetaSquared, int dims)
    {
        var random = new Random(23);
        double[] g = [.. Enumerable.Range(0, dims).Select(_ => Gaussian(random))];
        double[][] h = Heterogeneity(nodes, dims, zetaSquared, random);
        double normG = g.Sum(v => v * v);
        var common = new GradientNoiseScale(decay: 0.99);
        var across = new GradientNoiseScale(decay: 0.99);

        for (int round = 0; round < 300; round++)
        {
            GradientStatistics stats = HalfBatchRound(g, h, batch, sigma, random);
            common.Observe(stats);
            across.Observe(stats with { WithinTrace = double.NaN });
        }

        double plantedNoise = dims * sigma * sigma / normG;
        Assert.InRange(common.Estimate / plantedNoise, 0.8, 1.2);
        Assert.InRange(common.HeterogeneityScale / (zetaSquared / normG), 0.8, 1.2);
        Assert.True(across.Estimate > 1.5 * plantedNoise, $"across-node estimate {across.Estimate} vs planted {plantedNoise}");
    }

    [Fact]
    public void Estimate_IdenticalShards_HeterogeneityNearZero()
    {
        var random = new Random(5);
        double[] g = [.. Enumerable.Range(0, 300).Select(_ => Gaussian(random))];
        var estimator = new GradientNoiseScale(decay: 0.99);

        for (int round = 0; round < 300; round++)
        {
            estimator.Observe(HalfBatchRound(g, Heterogeneity(8, 300, 0, random), 32, 0.5, random));
        }

        Assert.InRange(estimator.HeterogeneityScale, 0, 0.02);
    }

    private static double[][] Heterogeneity(int nodes, int dims, double zetaSquared, Random random)
    {
        double[][] h = [.. Enumerable.Range(0, nodes).Select(_ => Enumerable.Range(0, dims).Select(_ => Gaussian(random)).ToArray())];
        for (int j = 0; j < dims; j++)
        {
            double mean = h.Average(row => row[j]);
            foreach (double[] row in h)
            {
                row[j] -= mean;
            }
        }

        double current = h.Average(row => row.Sum(v => v * v));
        double scale = current > 0 ? Math.Sqrt(zetaSquared / current) : 0;
        return [.. h.Select(row => row.Select(v => v * scale).ToArray())];
    }

    private static GradientStatistics HalfBatchRound(double[] g, double[][] h, int batch, double sigma, Random random)
    {
        int nodes = h.Length, first = batch / 2, second = batch - first;
        var mean = new double[g.Length];
        double meanSquared = 0, within = 0;
        for (int i = 0; i < nodes; i++)
        {
            double norm = 0, distance = 0;
            for (int j = 0; j < g.Length; j++)
            {
                double a = g[j] + h[i][j] + (sigma / Math.Sqrt(first) * Gaussian(random));
                double b = g[j] + h[i][j] + (sigma / Math.Sqrt(second) * Gaussian(random));
                double v = ((first * a) + (second * b)) / batch;
                distance += (a - b) * (a - b);
                mean[j] += v / nodes;
                norm += v * v;
            }

            meanSquared += norm / nodes;
            within += GradientStatistics.HalfBatchTrace(distance, first, second) / nodes;
        }

        return new GradientStatistics(nodes, batch, meanSquared, mean.Sum(v => v * v)) { WithinTrace = within };
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
