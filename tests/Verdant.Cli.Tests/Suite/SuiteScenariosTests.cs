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
    public void CompareSuite_ShrunkenSuiteThroughEveryPolicy_EveryRunFinishesAndTrains()
    {
        // Arrange: the suite's files with a two-day deadline (real-trace paths kept), a small data set with enough
        // examples that the 200-unit scenario's shards are not empty, three rounds and a loose target.
        string suite = ShrunkenSuite(Path.Combine(_dir, "suite"));
        string data = TinyIdx.Write(Path.Combine(_dir, "idx"), 3000, 200);
        string output = Path.Combine(_dir, "out");

        // Act
        (int code, _, string err) = ProgramTests.Invoke("compare", "--suite", suite, "--policies",
            string.Join(',', PolicyCatalog.Names), "--seeds", "1", "--rounds", "3", "--target", "0.2", "--data-dir", data,
            "--out", output);

        // Assert: one finished row per scenario and policy; every policy that does not by design wait for renewable
        // excess trained within the deadline (one that plans nothing, or never starts, stalls to the deadline).
        Assert.True(code == 0, err);
        string[] lines = File.ReadAllLines(Path.Combine(output, "suite.csv"));
        string[] header = lines[0].Split(',');
        int scenario = Array.IndexOf(header, "scenario"), policy = Array.IndexOf(header, "policy");
        int rounds = Array.IndexOf(header, "rounds");
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        Assert.Equal(SuiteNames().Length * PolicyCatalog.Names.Count, rows.Length);
        Assert.Equal(SuiteNames(), rows.Select(r => r[scenario]).Distinct().Order(StringComparer.Ordinal));
        string[] mayWait = ["renewable-only", "fedzero"];
        Assert.All(rows.Where(r => !mayWait.Contains(r[policy])), r => Assert.True(
            int.Parse(r[rounds], CultureInfo.InvariantCulture) >= 1, $"{r[policy]} on {r[scenario]} never trained"));
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

    private static string[] SuiteNames() => [.. Directory.GetFiles(RepositoryFiles.PathOf("scenarios/suite"), "*.yaml")
        .Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    /// <summary>Copies the suite into <paramref name="directory"/> with a 48 h deadline and absolute paths to the real traces.</summary>
    private static string ShrunkenSuite(string directory)
    {
        Directory.CreateDirectory(directory);
        string real = RepositoryFiles.PathOf("scenarios/data/real") + "/";
        foreach (string file in Directory.GetFiles(RepositoryFiles.PathOf("scenarios/suite"), "*.yaml"))
        {
            string text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file).Replace("../data/real/", real,
                StringComparison.Ordinal), @"deadline_hours: \d+", "deadline_hours: 48");
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(file)), text);
        }

        return directory;
    }
}
