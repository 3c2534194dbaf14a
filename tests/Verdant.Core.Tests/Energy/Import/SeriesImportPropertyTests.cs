using System.Globalization;
using System.Text;
using CsCheck;
using Verdant.Core.Energy.Import;
using static Verdant.Core.Tests.Energy.Import.ImportTestData;

namespace Verdant.Core.Tests.Energy.Import;

/// <summary>
/// Properties of the series importer over generated files (CsCheck): resampling conserves the time-weighted mean, and
/// the same instants written with any UTC offsets give the same series. Tolerances are those of docs/series-import.md.
/// </summary>
public class SeriesImportPropertyTests
{
    /// <summary>Relative tolerance of mean conservation: floating-point summation only.</summary>
    private const double MeanTolerance = 1e-9;

    private static readonly int[] NativeMinutes = [5, 10, 15, 20, 30, 60, 120, 180];

    private static readonly int[] TargetMinutes = [5, 15, 30, 45, 60, 90, 120, 240];

    /// <summary>A file: native step (minutes), values, a target step (minutes) and how many target intervals fit in it.</summary>
    private static readonly Gen<(int Native, double[] Values, int Target, int Count)> Files =
        Gen.Select(Gen.OneOf(NativeMinutes), Gen.Double[0, 1000].Array[2, 120], Gen.OneOf(TargetMinutes))
            .Select(t => (t.Item1, t.Item2, t.Item3, t.Item1 * t.Item2.Length / t.Item3))
            .Where(t => t.Item4 >= 1);

    [Fact]
    public void Resample_PowerLike_ConservesTheMeanOverTheTargetGrid()
    {
        Files.Sample(f =>
        {
            var options = Generic(SeriesUnit.Watts) with { Target = new SeriesGrid(Jan1, TimeSpan.FromMinutes(f.Target), f.Count) };

            ImportedSeries result = Read(Regular(TimeSpan.FromMinutes(f.Native), f.Values), options);

            AssertClose(StepMean(f.Values, f.Native, f.Target * f.Count), result.Series.Values.Average());
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Resample_IntensityDownsampledOrAligned_ConservesTheMean()
    {
        // Hold-last-value upsampling conserves the mean only when each native step is a whole number of target steps.
        Files.Where(f => f.Target >= f.Native || f.Native % f.Target == 0).Sample(f =>
        {
            var options = Generic(SeriesUnit.GramsCo2PerKwh) with { Target = new SeriesGrid(Jan1, TimeSpan.FromMinutes(f.Target), f.Count) };

            ImportedSeries result = Read(Regular(TimeSpan.FromMinutes(f.Native), f.Values), options);

            AssertClose(StepMean(f.Values, f.Native, f.Target * f.Count), result.Series.Values.Average());
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Import_AnyUtcOffsetsOfTheSameInstants_GiveTheSameSeries()
    {
        // Offsets from -12:00 to +14:00 in quarter hours, one per row: every real zone's offset is one of them.
        Gen<int[]> offsets = Gen.Int[-48, 56].Array[24, 24];
        Gen.Select(Gen.Double[0, 1000].Array[24, 24], offsets).Sample(t =>
        {
            (double[] values, int[] quarters) = t;
            var options = Generic(SeriesUnit.Kilowatts) with { Target = SeriesGrid.Hourly(Jan1.AddHours(1), 20) };

            ImportedSeries utc = Read(Regular(TimeSpan.FromHours(1), values), options);
            ImportedSeries shifted = Read(WithOffsets(values, quarters), options);

            Assert.Equal(utc.Series.Values, shifted.Series.Values);
            Assert.Equal(utc.Series.StartUtc, shifted.Series.StartUtc);
        }, iter: 200, threads: 1);
    }

    /// <summary>Mean of the step function (value i on [i*native, (i+1)*native) minutes) over [0, span) minutes.</summary>
    private static double StepMean(double[] values, int native, int span)
    {
        double sum = 0;
        for (int i = 0; i < values.Length && i * native < span; i++)
        {
            sum += values[i] * (Math.Min(span, (i + 1) * native) - (i * native));
        }

        return sum / span;
    }

    private static void AssertClose(double expected, double actual)
        => Assert.True(Math.Abs(expected - actual) <= MeanTolerance * Math.Max(1, Math.Abs(expected)), $"mean {actual}, expected {expected}");

    private static string WithOffsets(double[] values, int[] quarters)
    {
        var text = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < values.Length; i++)
        {
            DateTimeOffset local = Jan1.AddHours(i).ToOffset(TimeSpan.FromMinutes(15 * quarters[i]));
            text.Append(CultureInfo.InvariantCulture, $"{local:yyyy-MM-ddTHH:mm:sszzz},{values[i]}\n");
        }

        return text.ToString();
    }
}
