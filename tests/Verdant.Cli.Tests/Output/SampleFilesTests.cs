using Verdant.Cli.Output;
using Verdant.Cli.Tests.Commands;
using Verdant.Core.Energy.Import;

namespace Verdant.Cli.Tests.Output;

public class SampleFilesTests
{
    public static TheoryData<string> Names => [.. SampleFiles.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void CommittedSample_EqualsGeneratorOutput(string name)
    {
        string committed = File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("scenarios", "data", name)));

        Assert.True(committed == SampleFiles.Content(name), $"scenarios/data/{name} differs from the generator; run ./verdant samples");
    }

    [Fact]
    public void Names_CoverEveryLayoutAndBothElectricityMapsHeaders()
    {
        Assert.Equal(SampleSeriesWriter.Layouts.Count + 2, SampleFiles.Names.Distinct().Count());
        Assert.StartsWith("Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA)",
            SampleFiles.Content(SampleFiles.OlderElectricityMapsName), StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesCommand_WritesEveryFile()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory("verdant-samples-").FullName, "data");

        (int code, string output, _) = ProgramTests.Invoke("samples", "--out", dir);

        Assert.Equal(0, code);
        Assert.StartsWith($"wrote {SampleFiles.Names.Count} sample files to ", output, StringComparison.Ordinal);
        Assert.Equal(SampleFiles.Names.Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
    }
}
