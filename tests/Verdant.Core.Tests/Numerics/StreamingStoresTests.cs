using Verdant.Core.Numerics;

namespace Verdant.Core.Tests.Numerics;

public sealed class StreamingStoresTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 3)]
    [InlineData(8, 0)]
    [InlineData(33, 5)]
    [InlineData(1024, 0)]
    [InlineData(1024, 1)]
    [InlineData(4099, 15)]
    public void Copy_AnyLengthAndAlignment_CopiesEveryElementAndNothingElse(int length, int offset)
    {
        var random = new Random(length + offset);
        float[] source = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        var destination = new float[length + offset + 2];
        Array.Fill(destination, -1f);

        StreamingStores.Copy(source, destination.AsSpan(offset, length));
        StreamingStores.Fence();

        Assert.Equal(source, destination.AsSpan(offset, length).ToArray());
        Assert.All(destination.AsSpan(0, offset).ToArray(), v => Assert.Equal(-1f, v));
        Assert.All(destination.AsSpan(offset + length).ToArray(), v => Assert.Equal(-1f, v));
    }

    [Fact]
    public void Copy_ShortDestination_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StreamingStores.Copy(new float[5], new float[4]));
        Assert.Equal("destination", error.ParamName);
    }
}
