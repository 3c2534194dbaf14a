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
        Description = "Also run 100 more rounds at 1024 MLP nodes and report the peak working set",
    };

    public static Command Create(ConsoleUi ui, TextWriter progress)
    {
        var command = new Command("bench", "Measure simulator speed against this machine's sgemm and memory bandwidth")
        {
            Json, Scale, CommonOptions.Workers,
        };
        command.SetAction(parse => Execute(ui, progress, parse.GetValue(Json), parse.GetValue(Scale),
            parse.GetValue(CommonOptions.Workers) ?? RunSetup.DefaultWorkers));
        return command;
    }

    public static int Execute(ConsoleUi ui, TextWriter progress, bool json, bool scale, int workers)
    {
        return Guard.Run(ui, () =>
        {
            Action<string> report = json ? line => progress.WriteLine($"bench: {line}") : ui.Info;
            var bench = new QuickBench(workers, report) { ScaleRounds = scale ? 100 : 0 };
            RunSetup.CreateGemm();
            BenchReport result = bench.Run();
            if (json)
            {
                // Raw writer: Spectre would wrap long lines at the terminal width and break the JSON.
                ui.Output.Profile.Out.Writer.WriteLine(result.ToJson());
            }
            else
            {
                ui.Output.Write(Table(result));
            }

            return ExitCodes.Ok;
        });
    }

    private static Table Table(BenchReport result)
    {
        var table = new Table().AddColumns("model", "nodes", "node steps/s", "GFLOP/s", "of sgemm", "mix GB/s", "of stream", "B alloc/round");
        foreach (BenchCase c in result.Cases)
        {
            table.AddRow(c.Model, Text(c.Nodes), Text(c.NodeStepsPerS), Text(c.TrainGflops), Text(c.TrainRooflineRatio),
                Text(c.MixGbs), Text(c.MixRooflineRatio), Text(c.BytesAllocatedPerRound));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"sgemm {result.SgemmGflops} GFLOP/s, stream {result.StreamGbs} GB/s, {result.Threads} thread(s); naive {result.NaiveNodeStepsPerS} node steps/s ({result.NaiveSpeedup}x slower)"));
        return table;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
