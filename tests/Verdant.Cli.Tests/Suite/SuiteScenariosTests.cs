using System.Globalization;
using Verdant.Cli.Tests.Commands;
using Verdant.Core.Policies;

namespace Verdant.Cli.Tests.Suite;

/// <summary>The shipped scenario suite (scenarios/suite): every file runs through every policy, and stays honest.</summary>
public sealed class SuiteScenariosTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verdant-suite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CompareSuite_ShrunkenSuiteThroughEveryPolicy_EveryRunTrainsAndFinishes()
    {
        // Arrange: enough examples that the 200-unit scenario's shards are not empty; three rounds, a loose target.
        string data = TinyIdx.Write(Path.Combine(_dir, "idx"), 3000, 200);
        string output = Path.Combine(_dir, "out");
        string[] scenarios = SuiteFiles();

        // Act
        (int code, _, string err) = ProgramTests.Invoke("compare", "--suite", RepositoryFiles.PathOf("scenarios/suite"),
            "--policies", string.Join(',', PolicyCatalog.Names), "--seeds", "1", "--rounds", "3", "--target", "0.2",
            "--data-dir", data, "--out", output);

        // Assert: one row per scenario and policy; each run trained at least one round and stopped by a stop rule
        // (rounds or target), not by running out the simulated deadline with nothing trained (a stalled policy).
        Assert.True(code == 0, err);
        string[] lines = File.ReadAllLines(Path.Combine(output, "suite.csv"));
        string[] header = lines[0].Split(',');
        int scenario = Array.IndexOf(header, "scenario"), policy = Array.IndexOf(header, "policy");
        int rounds = Array.IndexOf(header, "rounds"), nodeRounds = Array.IndexOf(header, "node_rounds");
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        Assert.Equal(scenarios.Length * PolicyCatalog.Names.Count, rows.Length);
        Assert.Equal(scenarios.Order(StringComparer.Ordinal), rows.Select(r => r[scenario]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(int.Parse(r[rounds], CultureInfo.InvariantCulture) >= 1
            && double.Parse(r[nodeRounds], CultureInfo.InvariantCulture) >= 1, $"{r[policy]} on {r[scenario]} never trained"));
    }

    [Fact]
    public void Suite_EachScenario_StartsWithACommentSayingWhatItStresses()
    {
        string[] files = Directory.GetFiles(RepositoryFiles.PathOf("scenarios/suite"), "*.yaml");

        Assert.True(files.Length >= 8, $"the suite has {files.Length} scenarios; at least 8 are needed");
        Assert.All(files, f => Assert.StartsWith("# Stresses: ", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void Suite_DefaultRow_IsTheDefaultScenarioBelowItsHeader()
    {
        string[] suite = File.ReadAllLines(RepositoryFiles.PathOf("scenarios/suite/default.yaml"));
        string[] original = File.ReadAllLines(RepositoryFiles.PathOf("scenarios/default.yaml"));

        // Each file's own header comment ends at the line "# Every key is listed ..."; everything from there is shared.
        Assert.Equal(original.SkipWhile(l => !l.StartsWith("# Every key", StringComparison.Ordinal)),
            suite.SkipWhile(l => !l.StartsWith("# Every key", StringComparison.Ordinal)));
    }

    private static string[] SuiteFiles() => [.. Directory.GetFiles(RepositoryFiles.PathOf("scenarios/suite"), "*.yaml")
        .Select(f => Path.GetFileNameWithoutExtension(f))];
}
