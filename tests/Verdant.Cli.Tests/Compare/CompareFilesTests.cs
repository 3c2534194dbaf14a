using Verdant.Cli.Compare;
using Verdant.Cli.Output;

namespace Verdant.Cli.Tests.Compare;

public class CompareFilesTests
{
    private static string Csv(params CompareRow[] rows)
    {
        var writer = new StringWriter();
        CompareFiles.WriteCsv(writer, rows);
        return writer.ToString();
    }

    [Fact]
    public void WriteCsv_Header_IsExact()
    {
        Assert.Equal("policy,seed,reached_target,time_to_target_h,final_accuracy,energy_kwh,grid_kwh,carbon_kg,bytes_sent,"
            + "node_rounds,simulated_hours,rounds,stop_reason\n", Csv());
    }

    [Fact]
    public void WriteCsv_ReachedRow_RoundTripsDoubles()
    {
        var row = new CompareRow("greenest-k", 43, 0.1 + 0.2, 0.8421, 345.77039621705075, 173.5, 1.0 / 3, 12350000000000, 4680,
            22.5, 130, "target accuracy reached");

        string[] lines = Csv(row).Split('\n');

        Assert.Equal("greenest-k,43,true,0.30000000000000004,0.8421,345.77039621705075,173.5,0.3333333333333333,12350000000000,"
            + "4680,22.5,130,target accuracy reached", lines[1]);
    }

    [Fact]
    public void WriteCsv_MissedTarget_EmptyTimeCell()
    {
        string[] lines = Csv(CompareAggregationTests.Row("all", 7, null, 2.5)).Split('\n');

        Assert.Equal("all,7,false,,0.8,5,2.5,2.5,1000,10,5,7,test", lines[1]);
    }

    [Fact]
    public void ParetoRender_NoRunReachedTarget_StillAPng()
    {
        byte[] png = Verdant.Cli.Plots.ParetoPlot.Render([CompareAggregationTests.Row("all", 1, null, 2)], "t", wholeRuns: false);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
    }
}
