using System.Text;
using Verdant.Core.Energy.Import;
using static Verdant.Core.Tests.Energy.Import.ImportTestData;

namespace Verdant.Core.Tests.Energy.Import;

public class SeriesImporterErrorTests
{
    [Fact]
    public void Import_UnparseableNumber_NamesRowValueAndColumn()
    {
        string csv = Regular(TimeSpan.FromHours(1), 1, 2, 3).Replace(",2\n", ",abc\n", StringComparison.Ordinal);

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts));

        Assert.Equal("grid.csv row 3: cannot parse 'abc' as a number in column 'value'", error.Message);
        Assert.Equal(("grid.csv", 3, "value"), (error.Source, error.Row, error.Column));
    }

    [Fact]
    public void Import_UnparseableTimestamp_NamesRowAndColumn()
    {
        SeriesFormatException error = Fails("timestamp,value\n2020-01-01T00:00Z,1\n01/02/2020,2\n", Generic(SeriesUnit.Watts));

        Assert.StartsWith("grid.csv row 3: cannot parse '01/02/2020' as a timestamp in column 'timestamp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownColumn_ListsAvailableColumns()
    {
        SeriesFormatException error = Fails(Regular(TimeSpan.FromHours(1), 1, 2), Generic(SeriesUnit.Watts) with { ValueColumn = "power" });

        Assert.Equal("grid.csv row 1: no column 'power'; available columns: 'timestamp', 'value'", error.Message);
        Assert.Equal("power", error.Column);
    }

    [Fact]
    public void Import_DuplicateTimestamp_NamesRow()
    {
        string csv = "timestamp,value\n2020-01-01T00:00Z,1\n2020-01-01T01:00Z,2\n2020-01-01 01:00:00,3\n";

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts));

        Assert.Equal("grid.csv row 4: duplicate timestamp 2020-01-01T01:00:00Z (also on row 3)", error.Message);
    }

    [Fact]
    public void Import_DecreasingTimestamp_NamesRow()
    {
        string csv = "timestamp,value\n2020-01-01T01:00Z,1\n2020-01-01T00:00Z,2\n";

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts));

        Assert.Equal("grid.csv row 3: timestamp 2020-01-01T00:00:00Z is earlier than row 2's 2020-01-01T01:00:00Z; " +
            "rows must be in increasing time order", error.Message);
    }

    [Theory]
    [InlineData("", "grid.csv: the file is empty; expected a header row and data rows")]
    [InlineData("\n\n", "grid.csv: the file is empty; expected a header row and data rows")]
    [InlineData(" , \n1,2\n", "grid.csv row 1: the header row has no column names")]
    [InlineData("timestamp,value\n", "grid.csv: the file has a header but no data rows")]
    public void Import_EmptyOrHeaderless_ClearMessage(string csv, string message)
    {
        Assert.Equal(message, Fails(csv, Generic(SeriesUnit.Watts)).Message);
    }

    [Fact]
    public void Import_QuotedFieldsAndCrLf_FollowRfc4180()
    {
        string csv = "\"timestamp\",\"value\",note\r\n\"2020-01-01T00:00Z\",\"1.5\",\"a, \"\"quoted\"\"\r\nline\"\r\n2020-01-01T01:00Z,2,x\r\n2020-01-01T02:00Z,x,y\r\n";

        SeriesFormatException error = Fails(csv, Generic(SeriesUnit.Watts));

        // The quoted newline spans lines 2 and 3, so the bad value sits on line 5.
        Assert.Equal("grid.csv row 5: cannot parse 'x' as a number in column 'value'", error.Message);
    }

    [Fact]
    public void Import_Utf8Bom_IsIgnoredInHeader()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Time,Carbon Intensity\n2020-01-01 00:00:00,1\n2020-01-01 01:00:00,2\n")];
        using var stream = new MemoryStream(bytes);

        ImportedSeries result = SeriesImporter.Import(stream, "bom.csv", new SeriesImportOptions());

        Assert.Equal([1.0, 2], result.Series.Values);
    }

    [Fact]
    public void Import_UnitNotFittingLayout_Fails()
    {
        string csv = "Time,Carbon Intensity\n2020-01-01 00:00:00,1\n2020-01-01 01:00:00,2\n";

        SeriesFormatException error = Fails(csv, new SeriesImportOptions { Unit = SeriesUnit.Watts });

        Assert.Equal("grid.csv: this layout holds gCO2eq/kWh; the declared unit Watts does not apply", error.Message);
    }
}
