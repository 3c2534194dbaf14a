using Spectre.Console;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Suite;

public class CompareSuiteTests
{
    [Fact]
    public void Suite_TwoScenarios_WritesRowsPerScenarioPolicySeedAndCharts()
    {
        using var suite = new TinySuite();
        string output = suite.Out("ws");

        (int code, string stdout, string err) = ProgramTests.Invoke(suite.Args(output));

        Assert.True(code == ExitCodes.Ok, err);
        string[] lines = File.ReadAllLines(Path.Combine(output, "suite.csv"));
        Assert.Equal("scenario,policy,seed,reached_target,time_to_target_h,final_accuracy,energy_kwh,grid_kwh,carbon_kg,bytes_sent,node_rounds,simulated_hours,rounds,stop_reason", lines[0]);
        Assert.Equal(["alpha,all,5", "alpha,all,6", "alpha,greenest-k,5", "alpha,greenest-k,6",
            "beta,all,11", "beta,all,12", "beta,greenest-k,11", "beta,greenest-k,12"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..3])));
        Assert.True(File.Exists(Path.Combine(output, "pareto", "alpha.png")));
        Assert.True(File.Exists(Path.Combine(output, "pareto", "beta.png")));
        Assert.True(File.Exists(Path.Combine(output, "runs", "beta", "greenest-k-seed12", "rounds.csv")));
        Assert.Contains("0 of 8 runs already finished", stdout, StringComparison.Ordinal);
        Assert.Contains("whole suite (2 scenarios)", stdout, StringComparison.Ordinal);
        Assert.Contains("(recommended)", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, ".staging")));
    }

    [Fact]
    public void Suite_InterruptedThenResumed_RunsOnlyTheRestAndMatchesAnUninterruptedSuite()
    {
        // Arrange
        using var suite = new TinySuite();
        string output = suite.Out("ws");
        using var cancel = new CancellationTokenSource();
        int saved = 0;
        var options = new CompareOptions(null, "all", 2, null, output, suite.DataDirectory, Full: false, TargetAccuracy: null, Concurrency: 1)
        {
            Suite = suite.Folder,
            Recommended = "greenest-k",
            Cancellation = cancel.Token,
            RunSaved = _ =>
            {
                if (++saved == 3)
                {
                    cancel.Cancel();
                }
            },
        };
        var error = new StringWriter();

        // Act
        int interrupted = CompareCommand.Execute(Ui(TextWriter.Null, error), TimeProvider.System, options);
        string firstRun = File.ReadAllText(Path.Combine(output, "runs", "alpha", "all-seed5", "summary.json"));
        (int code, string stdout, string err) = ProgramTests.Invoke(suite.Args(output));
        (int freshCode, _, _) = ProgramTests.Invoke(suite.Args(suite.Out("fresh")));

        // Assert
        Assert.Equal(ExitCodes.Interrupted, interrupted);
        Assert.Equal($"verdant: interrupted: 3 of 8 runs finished and saved in {output}; run the same command again to resume\n", error.ToString());
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains($"3 of 8 runs already finished in {output}; 5 to run", stdout, StringComparison.Ordinal);
        Assert.Contains("[5/5]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[6/", stdout, StringComparison.Ordinal);
        // wall_seconds differs between two runs of one seed: an equal file was not run again.
        Assert.Equal(firstRun, File.ReadAllText(Path.Combine(output, "runs", "alpha", "all-seed5", "summary.json")));
        Assert.Equal(ExitCodes.Ok, freshCode);
        Assert.Equal(File.ReadAllText(Path.Combine(suite.Out("fresh"), "suite.csv")), File.ReadAllText(Path.Combine(output, "suite.csv")));
    }

    [Fact]
    public void Suite_RowsReadBackFromSummaryJson_EqualCompareCsvRowsOfTheSameRuns()
    {
        using var suite = new TinySuite();
        File.Delete(Path.Combine(suite.Folder, "beta.yaml"));
        string scenario = Path.Combine(suite.Folder, "alpha.yaml");

        (int compareCode, _, _) = ProgramTests.Invoke("compare", scenario, "--policies", "all,greenest-k", "--seeds", "2",
            "--data-dir", suite.DataDirectory, "--out", suite.Out("cmp"));
        (int suiteCode, _, _) = ProgramTests.Invoke(suite.Args(suite.Out("ws")));

        Assert.Equal(ExitCodes.Ok, compareCode);
        Assert.Equal(ExitCodes.Ok, suiteCode);
        string[] compare = File.ReadAllLines(Path.Combine(suite.Out("cmp"), "compare.csv"));
        string[] rows = File.ReadAllLines(Path.Combine(suite.Out("ws"), "suite.csv"));
        Assert.Equal(compare.Skip(1).Select(l => "alpha," + l), rows.Skip(1));
    }

    [Fact]
    public void Suite_InteractiveTerminal_LiveBarsOverRunsAndWorkers()
    {
        using var suite = new TinySuite();
        var output = new StringWriter();
        var ui = new ConsoleUi(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        }), TextWriter.Null);
        var options = new CompareOptions(null, "all", 2, null, suite.Out("ws"), suite.DataDirectory, Full: false, TargetAccuracy: null)
        {
            Suite = suite.Folder,
            Recommended = "greenest-k",
        };

        int code = CompareCommand.Execute(ui, TimeProvider.System, options);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("runs 8/8", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Suite_OutHoldsADifferentSuite_ExitsTwoUnlessForced()
    {
        using var suite = new TinySuite();
        string output = suite.Out("ws");
        Assert.Equal(ExitCodes.Ok, ProgramTests.Invoke([.. suite.Args(output), "--rounds", "2"]).Code);

        (int code, _, string err) = ProgramTests.Invoke([.. suite.Args(output), "--rounds", "4"]);
        (int forced, string stdout, _) = ProgramTests.Invoke([.. suite.Args(output), "--rounds", "4", "--force"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Matches(@"^verdant: --out .*ws: holds a different suite \(spec [0-9a-f]{12}, this one [0-9a-f]{12}: other scenarios, policies, seeds or parameters\); choose another --out, or pass --force to replace its runs\n$", err);
        Assert.Equal(ExitCodes.Ok, forced);
        Assert.Contains("0 of 8 runs already finished", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Suite_OutHoldsOtherFiles_ExitsTwoAndTouchesNothing()
    {
        using var suite = new TinySuite();
        string output = suite.Out("ws");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        (int code, _, string err) = ProgramTests.Invoke(suite.Args(output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: --out {output}: is not empty and is not a suite or sweep folder (no workspace.json); choose another --out, or pass --force to replace its runs\n", err);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void Suite_MissingDataDirectory_ExitsTwoAndACorrectedCommandRuns()
    {
        using var suite = new TinySuite();
        string output = suite.Out("ws");
        string[] wrong = [.. suite.Args(output)];
        wrong[Array.IndexOf(wrong, "--data-dir") + 1] = suite.Out("no-data");

        (int code, _, string err) = ProgramTests.Invoke(wrong);
        (int corrected, _, string err2) = ProgramTests.Invoke(suite.Args(output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: ", err, StringComparison.Ordinal);
        Assert.Contains("no-data", err, StringComparison.Ordinal);
        Assert.True(corrected == ExitCodes.Ok, err2);
    }

    [Fact]
    public void Suite_WithAScenarioFile_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "scenarios/default.yaml", "--suite", "scenarios");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --suite: runs every scenario of scenarios; give either a scenario file or --suite, not both\n", err);
    }

    [Fact]
    public void Suite_MissingFolder_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "--suite", "/nonexistent/suite");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --suite: folder not found: /nonexistent/suite\n", err);
    }

    [Fact]
    public void Suite_UnknownRecommended_ExitsTwoWithSuggestion()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare", "--suite", "scenarios", "--recommended", "adaptiv");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: --recommended: unknown policy 'adaptiv' (did you mean 'adaptive'?); known: all,", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Suite_ScenarioWithoutTarget_ExitsTwoNamingIt()
    {
        using var suite = new TinySuite();
        File.WriteAllText(Path.Combine(suite.Folder, "gamma.yaml"), File.ReadAllText(Path.Combine(suite.Folder, "alpha.yaml"))
            .Replace(", target_accuracy: 0.9", "", StringComparison.Ordinal));

        (int code, _, string err) = ProgramTests.Invoke(suite.Args(suite.Out("ws")));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --target: scenario 'gamma' has no stop.target_accuracy; pass --target X with the validation accuracy to reach (0 < X <= 1)\n", err);
        Assert.False(Directory.Exists(suite.Out("ws")));
    }

    [Fact]
    public void Compare_NoPoliciesWithoutSuite_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("compare");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --policies: is required (a comma-separated list, e.g. all,greenest-k), except with --suite\n", err);
    }

    [Fact]
    public void Policies_ReferenceAndRecommendedFirst_RestAsGiven()
    {
        Assert.Equal(["all", "adaptive", "fedzero", "greenest-k"], CompareSuiteCommand.Policies("fedzero,adaptive,greenest-k", "adaptive"));
        Assert.Equal(["all", "planner"], CompareSuiteCommand.Policies("all", "planner"));
    }

    private static ConsoleUi Ui(TextWriter output, TextWriter error) => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    }), error);
}
