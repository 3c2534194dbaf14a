using Spectre.Console;
using Verdant.Cli.Commands;
using Verdant.Cli.Console;

namespace Verdant.Cli.Tests.Commands;

public class ProgramTests
{
    internal static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        int code = Program.Invoke(args, new ConsoleUi(console, error), TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_ZeroRounds_ExitsTwoNamingOption()
    {
        (int code, _, string err) = Invoke("run", "--rounds", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --rounds: must be a positive whole number\n", err);
    }

    [Fact]
    public void Run_NotANumber_ExitsTwo()
    {
        (int code, _, string err) = Invoke("run", "--seed", "abc");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("abc", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownPolicy_ExitsTwoWithSuggestion()
    {
        (int code, _, string err) = Invoke("run", "--policy", "renewable");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("verdant: --policy: unknown policy 'renewable' (did you mean 'renewable-only'?)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingScenarioFile_ExitsTwo()
    {
        (int code, _, string err) = Invoke("run", "/nonexistent/s.yaml");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: scenario file not found: /nonexistent/s.yaml\n", err);
    }

    [Fact]
    public void Run_BadScenario_ExitsTwoAndWritesNothing()
    {
        string dir = Directory.CreateTempSubdirectory("verdant-test-").FullName;
        string file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, Scenarios.ScenarioLoaderTests.Valid.Replace("units: 2", "units: -2", StringComparison.Ordinal));
        string output = Path.Combine(dir, "out");

        (int code, _, string err) = Invoke("run", file, "--out", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: bad.yaml: sites[0].units: must not be negative, got -2 (line 3)\n", err);
        Assert.False(Directory.Exists(output));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Run_UnknownOption_ExitsTwo()
    {
        (int code, _, _) = Invoke("run", "--frobnicate");

        Assert.Equal(ExitCodes.BadInput, code);
    }
}
