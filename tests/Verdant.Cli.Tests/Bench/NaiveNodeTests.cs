using Verdant.Cli.Bench;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Tests.Bench;

public sealed class NaiveNodeTests
{
    private const float Tolerance = 1e-5f;

    // The baseline must do the same work as the stacked trainer, or the speed-up compares different things.
    [Fact]
    public void Step_TinyMlp_MatchesNetworkGradientStep()
    {
        (Dataset data, _) = SyntheticLogistic.Create(20, 5, 3, new Random(1));
        ModelSpec spec = ModelSpec.Mlp(5, [4], 3);
        var network = new Network(spec, new ManagedGemm());
        var parameters = new float[spec.ParameterCount];
        network.Initialize(parameters, new Random(2));
        var naive = new NaiveNode([5, 4, 3], parameters);
        int[] batch = [0, 3, 7, 11];
        var gradient = new float[spec.ParameterCount];

        float expectedLoss = network.LossAndGradient(parameters, data, batch, gradient, new ModelWorkspace(spec, 4));
        float loss = naive.Step(data, batch, eta: 0.5f, mu: 0.9f);

        Assert.Equal(expectedLoss, loss, Tolerance);
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < 5; i++)
            {
                float expected = parameters[(j * 5) + i] - (0.5f * gradient[(j * 5) + i]);
                Assert.Equal(expected, naive.Weights[0][j][i], Tolerance);
            }
        }

        Assert.Equal(parameters[spec.BiasOffset(1)] - (0.5f * gradient[spec.BiasOffset(1)]), naive.Biases[1][0], Tolerance);
    }

    [Fact]
    public void Mix_TwoNodes_WeightedSum()
    {
        var a = new NaiveNode([2, 1], [1f, 2f, 3f]);
        var b = new NaiveNode([2, 1], [5f, 6f, 7f]);

        a.Assign(NaiveNode.Mix([a, b], [0.75f, 0.25f]));

        Assert.Equal([2f, 3f], a.Weights[0][0]);
        Assert.Equal([4f], a.Biases[0]);
    }
}
