using Verdant.Core.Energy;

namespace Verdant.Core.Tests.Energy;

public sealed class WindTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(2.99, 0.0)]
    [InlineData(3.0, 0.0)]
    [InlineData(12.0, 2000.0)]
    [InlineData(20.0, 2000.0)]
    [InlineData(24.99, 2000.0)]
    [InlineData(25.0, 0.0)]
    [InlineData(30.0, 0.0)]
    public void Turbine_AtCurvePoints_GivesIdealizedPower(double speedMs, double expectedW)
        => Assert.Equal(expectedW, new WindTurbine(2000, 3, 12, 25).PowerW(speedMs), 9);

    [Fact]
    public void Turbine_BetweenCutInAndRated_IsCubic()
        => Assert.Equal(2000 * ((8.0 * 8 * 8) - 27) / ((12.0 * 12 * 12) - 27), new WindTurbine(2000).PowerW(8), 9);

    [Fact]
    public void Extrapolate_TenToHundredMetres_ScalesByTenToTheSeventh()
        => Assert.Equal(5 * Math.Pow(10, 1.0 / 7), WindTurbine.ExtrapolateSpeed(5, 10, 100), 12);

    [Fact]
    public void WindSpeedProcess_LongSeededSeries_MeanMatchesWeibull()
    {
        var process = new WindSpeedProcess(new Random(42), k: 2.2, scaleMs: 8, rho: 0.9);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            sum += process.Next();
        }

        double analytic = 8 * MathNet.Numerics.SpecialFunctions.Gamma(1 + (1 / 2.2));
        Assert.Equal(analytic, process.MeanMs, 12);
        Assert.InRange(sum / n, analytic * 0.98, analytic * 1.02);
    }

    [Fact]
    public void WindSpeedProcess_Hourly_IsPositivelyCorrelatedAndReproducible()
    {
        double[] a = Series(new WindSpeedProcess(new Random(3)), 20_000);
        double[] b = Series(new WindSpeedProcess(new Random(3)), 20_000);
        double mean = a.Average();
        double cov = 0, variance = 0;
        for (int i = 1; i < a.Length; i++)
        {
            cov += (a[i] - mean) * (a[i - 1] - mean);
            variance += (a[i] - mean) * (a[i] - mean);
        }

        Assert.Equal(a, b);
        Assert.InRange(cov / variance, 0.8, 0.95);
        Assert.All(a, v => Assert.True(v >= 0 && double.IsFinite(v)));
    }

    private static double[] Series(WindSpeedProcess process, int n) => [.. Enumerable.Range(0, n).Select(_ => process.Next())];
}
