using Spectre.Console;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Compare;

public class CompareCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Compare_UnknownPolicy_ExitsTwoWithSuggestion()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "--policies", "all,greenest");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: --policies: unknown policy 'greenest' (did you mean 'greenest-k'?); known: all,", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RepeatedPolicy_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "--policies", "all,ALL");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --policies: 'all' is listed twice\n", err);
    }

    [Fact]
    public void Compare_TargetOutOfRange_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "--policies", "all", "--target", "1.5");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --target: must be an accuracy in (0, 1], got 1.5\n", err);
    }

    [Fact]
    public void Compare_ScenarioWithoutTarget_ExitsTwoAndWritesNothing()
    {
        using var setup = new TinyCompareSetup(TinyCompareSetup.Scenario.Replace(", target_accuracy: 0.9", "", StringComparison.Ordinal));

        (int code, _, string err) = ProgramTests.Invoke("compare", setup.ScenarioPath, "--policies", "all",
            "--data-dir", setup.DataDirectory, "--out", setup.Out("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --target: the scenario has no stop.target_accuracy; pass --target X with the validation accuracy to reach (0 < X <= 1)\n", err);
        Assert.False(Directory.Exists(setup.Out("out")));
    }

    [Fact]
    public void Compare_TinyScenario_WritesRowsInPolicySeedOrderAndPareto()
    {
        // Arrange
        using var setup = new TinyCompareSetup();
        string output = setup.Out("out");

        // Act
        (int code, string stdout, string err) = ProgramTests.Invoke("compare", setup.ScenarioPath, "--policies", "greenest-k,all",
            "--seeds", "2", "--data-dir", setup.DataDirectory, "--out", output);

        // Assert
        Assert.True(code == ExitCodes.Ok, err);
        string[] lines = File.ReadAllLines(Path.Combine(output, "compare.csv"));
        Assert.StartsWith("policy,seed,reached_target,time_to_target_h,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["greenest-k,5", "greenest-k,6", "all,5", "all,6"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        Assert.All(lines.Skip(1).Where(l => l.StartsWith("all,", StringComparison.Ordinal)),
            l => Assert.Contains(",true,", l, StringComparison.Ordinal));
        Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(output, "pareto.png")).Take(8));
        Assert.True(File.Exists(Path.Combine(output, "runs", "greenest-k-seed6", "rounds.csv")));
        Assert.Contains("2/2 reached", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(setup.Root, ".*partial*"));
    }

    [Fact]
    public void Compare_OneAtATimeOrTwo_SameCsv()
    {
        using var setup = new TinyCompareSetup();

        string Csv(int concurrency, string name)
        {
            var options = new CompareOptions(setup.ScenarioPath, "all,greenest-k", 2, null, setup.Out(name), setup.DataDirectory,
                Full: true, TargetAccuracy: 0.95, concurrency);
            Assert.Equal(ExitCodes.Ok, CompareCommand.Execute(SilentUi(), TimeProvider.System, options));
            return File.ReadAllText(Path.Combine(setup.Out(name), "compare.csv"));
        }

        Assert.Equal(Csv(1, "one"), Csv(2, "two"));
    }

    private static ConsoleUi SilentUi() => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    }), TextWriter.Null);
}
