using System.Globalization;
using System.Text;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.BadInputs;

/// <summary>
/// Replays every case of Data/bad-inputs/cases.tsv through the real command line: each must exit with its expected code
/// and print exactly its expected line on stderr, with no stack trace and no file written (in its temporary folder, in
/// the corpus, or in the working directory).
/// </summary>
[Collection(SerialCorpusTests.Name)]
public class BadInputCorpusTests
{
    private static readonly string Corpus = RepositoryFiles.PathOf("tests/Verdant.Cli.Tests/Data/bad-inputs");

    [Fact]
    public void Corpus_HoldsAtLeast150Cases()
    {
        Assert.True(BadInputCase.ReadAll(Corpus).Count >= 150, $"{BadInputCase.ReadAll(Corpus).Count} cases");
    }

    [Fact]
    public void Corpus_EveryCase_ExitsAsExpectedWithOneLineAndWritesNothing()
    {
        IReadOnlyList<BadInputCase> cases = BadInputCase.ReadAll(Corpus);
        string[] corpusBefore = Listing(Corpus);
        string[] cwdBefore = Listing(Directory.GetCurrentDirectory());
        var failures = new List<string>();
        var actual = new StringBuilder();
        foreach (BadInputCase c in cases)
        {
            string? failure = Replay(c, actual);
            if (failure is not null)
            {
                failures.Add($"line {c.Line} ({c.Arguments}): {failure}");
            }
        }

        if (Environment.GetEnvironmentVariable("VERDANT_CORPUS_CAPTURE") is { Length: > 0 } capture)
        {
            File.WriteAllText(capture, actual.ToString());
        }

        Assert.Equal(corpusBefore, Listing(Corpus));
        Assert.Equal(cwdBefore, Listing(Directory.GetCurrentDirectory()));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join('\n', failures)}");
    }

    private static string? Replay(BadInputCase c, StringBuilder actual)
    {
        string tmp = Directory.CreateTempSubdirectory("verdant-bad-").FullName;
        try
        {
            string[] args = c.Expand(Corpus, tmp);
            string[] before = Listing(tmp);
            int code;
            string err;
            try
            {
                (code, _, err) = ProgramTests.Invoke(args);
            }
#pragma warning disable CA1031 // A case that throws is reported with the others, not as the first failure only.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return $"threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }

            string message = err.Replace(tmp, "{tmp}", StringComparison.Ordinal).Replace(Corpus, "{corpus}", StringComparison.Ordinal);
            actual.Append(CultureInfo.InvariantCulture, $"{code}\t{c.Arguments}\t{message.TrimEnd('\n').Replace("\n", "\\n", StringComparison.Ordinal)}\n");
            string[] after = Listing(tmp);
            return err.Contains("   at ", StringComparison.Ordinal) ? "printed a stack trace"
                : code != c.ExitCode ? $"exit code {code}, expected {c.ExitCode}; stderr: {message}"
                : message != $"verdant: {c.Message}\n" ? $"stderr was\n  {message}expected\n  verdant: {c.Message}"
                : !before.SequenceEqual(after) ? $"wrote {string.Join(", ", after.Except(before))}"
                : null;
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    private static string[] Listing(string directory)
        => [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
