using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdant.Cli.Bench;
using Verdant.Cli.Console;

namespace Verdant.Cli.Commands;

/// <summary>`verdant bench [--json] [--workers N] [--scale]`: the quick benchmark of docs/performance.md.</summary>
internal static class BenchCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object on stdout (progress on stderr)" };

    private static readonly Option<bool> Scale = new("--scale")
    {
        Description = "Also run 100 more rounds at 1024 MLP nodes, and whole simulations at 1,000 / 10,000 / 100,000 logreg and 4,096 MLP units",
    };

    private static readonly Option<string?> Simulation = new("--simulation")
    {
        Description = "Only these whole-simulation cases, MODEL:UNITS[:ROUNDS[:POLICY]], e.g. logreg:1000,mlp:4096,logreg:10000:3:adaptive (no rooflines, no training cases; POLICY replaces greenest-k)",
    };

    public static Command Create(ConsoleUi ui, TextWriter progress)
    {
        var command = new Command("bench", "Measure simulator speed against this machine's sgemm and memory bandwidth")
        {
            Json, Scale, Simulation, CommonOptions.Workers,
        };
        command.SetAction(parse => Execute(ui, progress, parse.GetValue(Json), parse.GetValue(Scale), parse.GetValue(Simulation),
            parse.GetValue(CommonOptions.Workers) ?? RunSetup.DefaultWorkers));
        return command;
    }

    public static int Execute(ConsoleUi ui, TextWriter progress, bool json, bool scale, string? simulation, int workers)
    {
        return Guard.Run(ui, () =>
        {
            Action<string> report = json ? line => progress.WriteLine($"bench: {line}") : ui.Info;
            string[] only = simulation?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            Array.ForEach(only, c => SimulationBench.Parse(c));
            RunSetup.CreateGemm();
            BenchReport result = simulation is not null
                ? new BenchReport(0, 0, 0, [.. new SimulationBench(workers, report).Run(only)], workers, 0, 0)
                : new QuickBench(workers, report) { ScaleRounds = scale ? 100 : 0, SimulationCases = scale ? SimulationBench.DefaultCases : [] }.Run();
            if (json)
            {
                // Raw writer: Spectre would wrap long lines at the terminal width and break the JSON.
                ui.Output.Profile.Out.Writer.WriteLine(result.ToJson());
            }
            else
            {
                if (result.Cases.OfType<BenchCase>().Any())
                {
                    ui.Output.Write(Table(result));
                }

                if (result.Cases.OfType<SimulationCase>().Any())
                {
                    ui.Output.Write(SimulationTable(result));
                }
            }

            return ExitCodes.Ok;
        });
    }

    private static Table Table(BenchReport result)
    {
        var table = new Table().AddColumns("model", "nodes", "node steps/s", "GFLOP/s", "of sgemm", "mix GB/s", "of stream", "B alloc/round");
        foreach (BenchCase c in result.Cases.OfType<BenchCase>())
        {
            table.AddRow(c.Model, Text(c.Nodes), Text(c.NodeStepsPerS), Text(c.TrainGflops), Text(c.TrainRooflineRatio),
                Text(c.MixGbs), Text(c.MixRooflineRatio), Text(c.BytesAllocatedPerRound));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"sgemm {result.SgemmGflops} GFLOP/s, stream {result.StreamGbs} GB/s, {result.Threads} thread(s); naive {result.NaiveNodeStepsPerS} node steps/s ({result.NaiveSpeedup}x slower)"));
        return table;
    }

    private static Table SimulationTable(BenchReport result)
    {
        var table = new Table().AddColumns("model", "units", "rounds", "node steps", "setup s", "run s", "node steps/s", "peak GiB");
        foreach (SimulationCase c in result.Cases.OfType<SimulationCase>())
        {
            string model = c.Policy == SimulationBench.DefaultPolicy ? c.Model : $"{c.Model}, {c.Policy}";
            table.AddRow(Markup.Escape(model), Text(c.Units), Text(c.Rounds), Text(c.NodeSteps), Text(c.SetupS), Text(c.RunS),
                c.Skipped is null ? Text(c.NodeStepsPerS) : Markup.Escape($"skipped: {c.Skipped}"), Text(c.PeakWorkingSetGib));
        }

        return table.Caption("whole simulations (bench --scale)");
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
