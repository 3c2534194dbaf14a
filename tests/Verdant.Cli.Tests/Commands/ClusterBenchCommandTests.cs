using System.Globalization;
using System.Text.RegularExpressions;
using Verdant.Cli.Commands;

namespace Verdant.Cli.Tests.Commands;

public class ClusterBenchCommandTests
{
    [Fact]
    public void Bench_RepeatZero_ExitsTwoNamingOption()
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "bench", "--repeat", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --repeat: must be a positive whole number\n", err);
    }

    [Fact]
    [Trait("Category", "Cluster")]
    public void Bench_TwoSilos_ReportsBothThroughputsTheirRatioAndProcessorTimes()
    {
        (int code, string output, string err) = ProgramTests.Invoke("cluster", "bench",
            RepositoryFiles.PathOf("scenarios/cluster-small.yaml"), "--floats", "1000", "--messages", "50", "--window", "4", "--repeat", "2");

        Assert.True(code == ExitCodes.Ok, err);
        Match m = Regex.Match(Regex.Replace(output, @"\s+", " "),
            @"exchange: 50 x 1000 floats, window 4, best of 2: Orleans ([0-9.]+) MB/s, raw TCP ([0-9.]+) MB/s, ratio ([0-9]+) %; "
            + @"processor time per message: Orleans ([0-9.]+) ms, raw TCP ([0-9.]+) ms");
        Assert.True(m.Success, output);
        double orleans = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        double tcp = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(orleans > 0 && tcp > 0, output);
        // The printed throughputs are rounded to 0.1 MB/s, so the ratio recomputed from them may differ by a point.
        Assert.InRange(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 100 * orleans / tcp - 1, 100 * orleans / tcp + 1);
    }
}
