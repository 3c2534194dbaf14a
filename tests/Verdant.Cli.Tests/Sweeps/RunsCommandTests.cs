using Verdant.Cli.Commands;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Sweeps;

/// <summary>One finished tiny sweep, shared by the tests of a class (they only read it).</summary>
public sealed class FinishedTinySweep : IDisposable
{
    internal TinySweep Sweep { get; } = new();

    public FinishedTinySweep()
    {
        Output = Sweep.Out("ws");
        (int code, _, string err) = ProgramTests.Invoke(Sweep.Args(Output));
        Assert.True(code == ExitCodes.Ok, err);
    }

    public string Output { get; }

    public void Dispose() => Sweep.Dispose();
}

public sealed class RunsCommandTests(FinishedTinySweep finished) : IClassFixture<FinishedTinySweep>
{
    private readonly TinySweep _sweep = finished.Sweep;
    private readonly string _output = finished.Output;

    [Fact]
    public void List_Folder_OneRowPerRunWithTheVaryingParameters()
    {
        (int code, string stdout, _) = ProgramTests.Invoke("runs", "list", _output);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("6 runs", stdout, StringComparison.Ordinal);
        Assert.Contains("run-0006", stdout, StringComparison.Ordinal);
        // The varying parameter's column, headed by its last key (cut to the 80-column test console).
        Assert.Contains("learning_ra", stdout, StringComparison.Ordinal);
        // Set in every run, so not a column.
        Assert.DoesNotContain("stop.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_RunInRegistryFile_EveryParameterAndSummaryField()
    {
        (int code, string stdout, _) = ProgramTests.Invoke("runs", "show", Path.Combine(_output, "runs.db"), "run-0005");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("param.training.learning_rate", stdout, StringComparison.Ordinal);
        Assert.Contains("param.sites[b].battery", stdout, StringComparison.Ordinal);
        Assert.Contains("energy_kwh.grid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TwoSeeds_ShowsTheSeedNotTheLearningRate()
    {
        (int code, string stdout, _) = ProgramTests.Invoke("runs", "diff", _output, "run-0001", "run-0002");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("param.seed", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("learning_rate", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownRun_ExitsTwoWithSuggestion()
    {
        (int code, _, string err) = ProgramTests.Invoke("runs", "show", _output, "run-007");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: no run 'run-007' in {_output} (did you mean 'run-0001'?); `verdant runs list {_output}` lists them\n", err);
    }

    [Fact]
    public void List_NoRegistry_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("runs", "list", _sweep.Root);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: no run registry at {_sweep.Root} (runs.db); `verdant sweep` and `verdant compare --suite` write one in their --out folder\n", err);
    }

    [Fact]
    public void List_NotARegistry_ExitsTwo()
    {
        string file = Path.Combine(_sweep.Root, "sweep.yaml");

        (int code, _, string err) = ProgramTests.Invoke("runs", "list", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"verdant: {file}: not a Verdant run registry: ", err, StringComparison.Ordinal);
    }
}
