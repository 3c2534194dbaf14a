using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class ReluKernelsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(1024)]
    public void Backward_AnyLength_MatchesScalarMask(int length)
    {
        var random = new Random(length);
        float[] activation = new float[length];
        float[] delta = new float[length];
        for (int i = 0; i < length; i++)
        {
            activation[i] = Math.Max(0f, (float)(random.NextDouble() - 0.5));
            delta[i] = (float)(random.NextDouble() - 0.5);
        }

        float[] expected = delta.Select((d, i) => activation[i] > 0 ? d : 0f).ToArray();

        ReluKernels.Backward(activation, delta);

        Assert.Equal(expected, delta);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(33)]
    public void Forward_AnyLength_ClampsNegativesToZero(int length)
    {
        float[] values = Enumerable.Range(0, length).Select(i => i - (length / 2f)).ToArray();
        float[] expected = values.Select(v => Math.Max(v, 0f)).ToArray();

        ReluKernels.Forward(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Backward_MismatchedLengths_Throws()
        => Assert.Throws<ArgumentException>(() => ReluKernels.Backward(new float[3], new float[4]));
}
