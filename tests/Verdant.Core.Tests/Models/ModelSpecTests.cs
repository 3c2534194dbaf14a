using Verdant.Core.Models;

namespace Verdant.Core.Tests.Models;

public sealed class ModelSpecTests
{
    [Fact]
    public void WidestInputAndOutput_AreTheLargestLayerWidthsOnEachSide()
    {
        // A hidden layer wider than the input: the widest input is then a hidden width, not the data's.
        var spec = ModelSpec.Mlp(5, [40, 24], 4);
        var logistic = ModelSpec.LogisticRegression(7, 3);

        Assert.Equal((40, 40), (spec.WidestInput, spec.WidestOutput));
        Assert.Equal((7, 3), (logistic.WidestInput, logistic.WidestOutput));
    }

    [Fact]
    public void ParameterCount_Mlp784_256_128_10_IsSumOfBlocks()
    {
        var spec = ModelSpec.Mlp(784, [256, 128], 10);

        Assert.Equal((784 * 256) + 256 + (256 * 128) + 128 + (128 * 10) + 10, spec.ParameterCount);
        Assert.Equal(3, spec.LayerCount);
        Assert.Equal((784 * 256) + 256, spec.WeightOffset(1));
        Assert.Equal(784 * 256, spec.BiasOffset(0));
    }

    [Fact]
    public void Flops_Tiny3_2_2_MatchHandCount()
    {
        var spec = ModelSpec.Mlp(3, [2], 2);

        // Forward: layer 0 GEMM 12 + bias 2 + ReLU 2; layer 1 GEMM 8 + bias 2; softmax CE 4*2+2 = 10.
        Assert.Equal(36, spec.ForwardFlopsPerExample);
        // Backward: softmax delta 2+3; layer 1 dW 8 + db 2 + dA 8 + mask 2; layer 0 dW 12 + db 2.
        Assert.Equal(36 + 5 + 20 + 14, spec.TrainFlopsPerExample);
    }

    [Fact]
    public void Flops_Mlp784_256_128_10_MatchDocsTable()
    {
        var spec = ModelSpec.Mlp(784, [256, 128], 10);

        Assert.Equal(470_324, spec.ForwardFlopsPerExample);
        Assert.Equal(1_008_715, spec.TrainFlopsPerExample);
        Assert.Equal("Mlp 784-256-128-10", spec.ToString());
    }

    [Fact]
    public void Flops_LogisticRegression_MatchHandCount()
    {
        var spec = ModelSpec.LogisticRegression(4, 3);

        Assert.Equal((2 * 4 * 3) + 3 + (4 * 3) + 2, spec.ForwardFlopsPerExample);
        Assert.Equal(spec.ForwardFlopsPerExample + 3 + 3 + (2 * 4 * 3) + 3, spec.TrainFlopsPerExample);
    }

    [Fact]
    public void Constructor_LogisticWithHidden_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelSpec(ModelKind.LogisticRegression, 4, [3], 2));

        Assert.StartsWith("A logistic regression has no hidden layers.", error.Message);
    }

    [Fact]
    public void Constructor_ZeroHiddenWidth_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ModelSpec.Mlp(4, [3, 0], 2));

    [Fact]
    public void Equals_SameWidthsDifferentLists_AreEqual()
    {
        var a = ModelSpec.Mlp(5, new List<int> { 4, 3 }, 3);
        var b = ModelSpec.Mlp(5, [4, 3], 3);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ModelSpec.Mlp(5, [4, 2], 3));
    }
}
