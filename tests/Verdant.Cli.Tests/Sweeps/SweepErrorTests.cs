using Verdant.Cli.Commands;
using Verdant.Cli.Tests.Commands;

namespace Verdant.Cli.Tests.Sweeps;

public class SweepErrorTests
{
    [Theory]
    [InlineData("grid: { \"sites[5].units\": [1] }",
        "verdant: sweep.yaml: grid.sites[5].units: 'sites[5].units': sites has 2 entries (indices 0 to 1), so [5] selects none\n")]
    [InlineData("grid: { \"sites[oslo].units\": [1] }",
        "verdant: sweep.yaml: grid.sites[oslo].units: 'sites[oslo].units': no entry of sites is named 'oslo'; names: a, b\n")]
    [InlineData("grid: { \"sites[0.units\": [1] }",
        "verdant: sweep.yaml: grid.sites[0.units: 'sites[0.units': not a field path (keys separated by dots, each optionally followed by [index] or [name], e.g. sites[0].battery.capacity_kwh) (line 2)\n")]
    [InlineData("grid: { model.kind.size: [1] }",
        "verdant: sweep.yaml: grid.model.kind.size: 'model.kind.size': model.kind is the value 'logreg' in the scenario, not a mapping with a field size\n")]
    [InlineData("grid: { seed: 3 }",
        "verdant: sweep.yaml: grid.seed: must be a non-empty list of values, e.g. [0.05, 0.1] (line 2)\n")]
    [InlineData("grid: { seed: [] }",
        "verdant: sweep.yaml: grid.seed: must be a non-empty list of values, e.g. [0.05, 0.1] (line 2)\n")]
    [InlineData("gird: { seed: [1] }",
        "verdant: sweep.yaml: gird: unknown key (did you mean 'grid'?); known keys: name, scenario, set, grid, runs (line 2)\n")]
    [InlineData("set: { seed: 1 }",
        "verdant: sweep.yaml: needs grid: (fields and their values) or runs: (a list of field settings), or both\n")]
    [InlineData("runs: [ { seed: 1 }, 7 ]",
        "verdant: sweep.yaml: runs[1]: must be a mapping from field paths (e.g. sites[0].battery.capacity_kwh) to values (line 2)\n")]
    [InlineData("grid: { training.learning_rate: [0.1, -1] }",
        "verdant: sweep.yaml: run-0002 (training.learning_rate=-1): tiny.yaml: training.learning_rate: must be at least 1E-09, got -1\n")]
    [InlineData("grid: { \"sites[a].battery.capacity_kwh\": [5] }",
        "verdant: sweep.yaml: run-0001 (sites[a].battery.capacity_kwh=5): tiny.yaml: sites[0].battery.charge_kw: is required\n")]
    public void Sweep_BadField_ExitsTwoNamingItAndWritesNothing(string body, string expected)
    {
        using var sweep = new TinySweep($"scenario: tiny.yaml\n{body}\n");

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(sweep.Out("ws")));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(expected, err);
        Assert.False(Directory.Exists(sweep.Out("ws")));
    }

    [Fact]
    public void Sweep_UnknownScenarioKey_LoaderNamesTheFieldWithSuggestion()
    {
        using var sweep = new TinySweep("scenario: tiny.yaml\ngrid: { training.learning_rat: [0.1] }\n");

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(sweep.Out("ws")));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: sweep.yaml: run-0001 (training.learning_rat=0.1): tiny.yaml: training.learning_rat: unknown key (did you mean 'learning_rate'?)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_MissingFile_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("sweep", "/nonexistent/sweep.yaml");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: sweep file not found: /nonexistent/sweep.yaml\n", err);
    }

    [Fact]
    public void Sweep_ZeroJobs_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("sweep", "x.yaml", "--jobs", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --jobs: must be a positive whole number\n", err);
    }

    [Fact]
    public void Sweep_BaseScenarioNotYaml_ExitsTwoNamingIt()
    {
        using var sweep = new TinySweep("scenario: broken.yaml\ngrid: { seed: [1] }\n");
        File.WriteAllText(Path.Combine(sweep.Root, "broken.yaml"), "sites: [\n");

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(sweep.Out("ws")));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: broken.yaml: not valid YAML at line ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_RunFolderEditedByHand_ExitsTwoNamingTheFolder()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        Assert.Equal(ExitCodes.Ok, ProgramTests.Invoke(sweep.Args(output)).Code);
        string run = Path.Combine(output, "runs", "run-0003");
        File.WriteAllText(Path.Combine(run, "run.json"), "{ not json");

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"verdant: {run}: run.json or summary.json is not what a finished run writes (", err, StringComparison.Ordinal);
        Assert.EndsWith("); delete that folder to run it again\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_UnreadableWorkspaceJson_ExitsTwo()
    {
        using var sweep = new TinySweep();
        string output = sweep.Out("ws");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "workspace.json"), "[]");

        (int code, _, string err) = ProgramTests.Invoke(sweep.Args(output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"verdant: --out {output}: has a workspace.json that is not readable; choose another --out, or pass --force to replace its runs\n", err);
    }
}
