using Verdant.Core.Data;

namespace Verdant.Core.Tests.Data;

public sealed class SyntheticLogisticTests
{
    [Fact]
    public void Create_SameSeed_SameData()
    {
        var (first, firstWeights) = SyntheticLogistic.Create(50, 4, 3, new Random(5));
        var (second, secondWeights) = SyntheticLogistic.Create(50, 4, 3, new Random(5));

        Assert.Equal(first.Features, second.Features);
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(firstWeights, secondWeights);
    }

    [Fact]
    public void Create_PlantedWeights_PredictLabelsBetterThanChance()
    {
        var (data, planted) = SyntheticLogistic.Create(2000, 6, 3, new Random(8));
        int hits = 0;
        for (int e = 0; e < data.Count; e++)
        {
            ReadOnlySpan<float> x = data.Example(e);
            int best = 0;
            double bestLogit = double.NegativeInfinity;
            for (int c = 0; c < 3; c++)
            {
                double z = planted[(c * 7) + 6];
                for (int f = 0; f < 6; f++)
                {
                    z += planted[(c * 7) + f] * x[f];
                }

                (best, bestLogit) = z > bestLogit ? (c, z) : (best, bestLogit);
            }

            hits += best == data.Labels[e] ? 1 : 0;
        }

        Assert.Equal(21, planted.Length);
        Assert.InRange(hits / 2000.0, 0.6, 1.0);
    }
}
