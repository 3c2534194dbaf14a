using System.Text;
using Verdant.Core.Energy.Import;

namespace Verdant.Core.Tests.Energy.Import;

public class SampleSeriesWriterTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 3, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<SeriesLayout> Layouts() => [.. SampleSeriesWriter.Layouts];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Sample_EachLayout_ImportsCleanlyOntoHourlyGrid(SeriesLayout layout)
    {
        using var stream = new MemoryStream();
        SampleSeriesWriter.Write(layout, stream, Start, 3);
        stream.Position = 0;

        var options = SampleSeriesWriter.ImportOptions(layout, Start) with { Target = SeriesGrid.Hourly(Start, 72) };
        ImportedSeries result = SeriesImporter.Import(stream, SampleSeriesWriter.FileName(layout), options);

        Assert.Empty(result.Warnings);
        Assert.Equal(72, result.Series.Count);
        Assert.True(result.Series.Values.Max() > result.Series.Values.Min(), "a sample should have a daily shape");
        Assert.All(result.Series.Values, v => Assert.True(v >= 0, $"{v} is negative"));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Sample_AutoLayout_DetectsWhereHeaderIsUnambiguous(SeriesLayout layout)
    {
        string csv = Write(layout);
        bool detectable = layout is SeriesLayout.ElectricityMaps or SeriesLayout.WattTime or SeriesLayout.LetsWaitAwhile or SeriesLayout.Irradiance;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var options = SampleSeriesWriter.ImportOptions(layout, Start) with { Layout = SeriesLayout.Auto };

        Exception? error = Record.Exception(() => SeriesImporter.Import(stream, "s.csv", options));

        Assert.Equal(detectable, error is null);
    }

    [Fact]
    public void Sample_SameArguments_SameBytes()
    {
        Assert.Equal(Write(SeriesLayout.VessimSolar), Write(SeriesLayout.VessimSolar));
        Assert.StartsWith("time,Berlin,Sydney\n0,0,", Write(SeriesLayout.VessimSolar), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_Solar_IsZeroAtNightAndPeaksNearNoon()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Write(SeriesLayout.Irradiance)));

        ImportedSeries result = SeriesImporter.Import(stream, "s.csv", new SeriesImportOptions { Target = SeriesGrid.Hourly(Start, 24) });

        Assert.Equal(0.0, result.Series.Values[2]);
        Assert.InRange(result.Series.Values.ToList().IndexOf(result.Series.Values.Max()), 11, 12);
    }

    private static string Write(SeriesLayout layout)
    {
        using var writer = new StringWriter();
        SampleSeriesWriter.Write(layout, writer, Start, 2);
        return writer.ToString();
    }
}
