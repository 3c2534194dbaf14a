using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public sealed class EvaluationTrackerTests
{
    // Hypergeometric spread of a 256-of-300 sample's mean is about 0.005 here; a sample that ignored the last rows misses by 0.05.
    private const double SampleMeanTolerance = 0.02;

    private static (Network Model, Dataset Data, StackedMatrix Rows, double[] Exact) Fixture(int rows)
    {
        (Dataset data, float[] planted) = SyntheticLogistic.Create(400, 12, 3, new Random(5));
        var model = new Network(ModelSpec.LogisticRegression(12, 3), new ManagedGemm());
        var x = new StackedMatrix(rows, model.Spec.ParameterCount);
        for (int i = 0; i < rows - (rows / 10); i++)
        {
            // Planted weights, scaled and noised per row, so accuracies spread; the last tenth stay the zero model (chance
            // accuracy), so a sample that skipped them would be caught by the mean.
            float scale = 0.05f + (i % 7 * 0.2f);
            for (int c = 0; c < 3; c++)
            {
                for (int f = 0; f < 12; f++)
                {
                    x.Row(i)[(c * 12) + f] = planted[(c * 13) + f] * scale;
                }

                x.Row(i)[36 + c] = planted[(c * 13) + 12] * scale;
            }
        }

        var workspace = new ModelWorkspace(model.Spec, 1000);
        double[] exact = [.. Enumerable.Range(0, rows).Select(i => model.Evaluate(x.ReadRow(i), data, workspace).Accuracy)];
        return (model, data, x, exact);
    }

    [Fact]
    public void Finish_UpToExactLimit_EvaluatesEveryParticipant()
    {
        var (model, data, x, exact) = Fixture(LocalAccuracy.ExactLimit);
        var tracker = new EvaluationTracker(model, data, data, x.Rows, null);

        LocalAccuracy local = tracker.Finish(x, new bool[x.Rows], 1, 1, 1).LocalAccuracy;

        Assert.False(local.Sampled);
        Assert.Equal(x.Rows, local.Evaluated);
        Assert.Equal(exact.Average(), local.Mean, 12);
        Assert.Equal(exact.Min(), local.Min);
    }

    [Fact]
    public void Finish_AboveExactLimit_SamplesWithinItsStatedError()
    {
        var (model, data, x, exact) = Fixture(300);
        var tracker = new EvaluationTracker(model, data, data, x.Rows, null);

        LocalAccuracy local = tracker.Finish(x, new bool[x.Rows], 1, 1, 1).LocalAccuracy;

        Assert.True(local.Sampled);
        Assert.Equal(LocalAccuracy.ExactLimit, local.Evaluated);
        Assert.Equal(exact.Average(), local.Mean, SampleMeanTolerance);
        Assert.True(local.Min >= exact.Min());
        Assert.True(local.Min < exact.Average());
    }
}
