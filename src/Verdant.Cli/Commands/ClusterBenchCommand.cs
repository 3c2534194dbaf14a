using System.CommandLine;
using System.Globalization;
using Verdant.Cli.Bench;
using Verdant.Cli.Console;
using Verdant.Cli.Scenarios;
using Verdant.Cluster.Hosting;
using Verdant.Core.Data;

namespace Verdant.Cli.Commands;

/// <summary>`verdant cluster bench [SCENARIO] [--floats N] [--messages M] [--window W] [--repeat R]`: parameter exchange through Orleans vs raw TCP.</summary>
internal static class ClusterBenchCommand
{
    private static readonly Argument<string?> ScenarioArgument = new("scenario")
    {
        Description = "Scenario whose first two sites host the two silos (default: the embedded default)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<int?> Floats = CommonOptions.Positive(new Option<int?>("--floats") { Description = "Floats per message (default: the scenario model's parameter count)" });
    private static readonly Option<int?> Messages = CommonOptions.Positive(new Option<int?>("--messages") { Description = "Messages to send (default 2000)" });
    private static readonly Option<int?> Window = CommonOptions.Positive(new Option<int?>("--window") { Description = "Messages in flight (default 8)" });
    private static readonly Option<int?> Repeats = CommonOptions.Positive(new Option<int?>("--repeat") { Description = "Orleans/TCP pairs measured back to back; the best of each counts (default 3)" });

    public static Command Create(ConsoleUi ui)
    {
        var command = new Command("bench", "Parameter-exchange throughput between two loopback silos against raw loopback TCP")
        {
            ScenarioArgument, Floats, Messages, Window, Repeats, CommonOptions.DataDir,
        };
        command.SetAction(parse => Guard.Run(ui, () =>
        {
            LoadedScenario loaded = RunSetup.LoadScenario(parse.GetValue(ScenarioArgument), null, null, null, parse.GetValue(CommonOptions.DataDir));
            if (loaded.Scenario.Sites.Count < 2)
            {
                throw new UsageException($"scenario {loaded.Scenario.Name} has one site; the exchange bench needs two");
            }

            (Dataset train, Dataset test) = RunSetup.LoadData(loaded);
            var workload = new ClusterWorkload(loaded.Scenario, train, test, RunSetup.CreateGemm());
            ExchangeResult r = ExchangeBench.Run(workload, parse.GetValue(Floats) ?? loaded.Scenario.Model.ParameterCount,
                parse.GetValue(Messages) ?? 2000, parse.GetValue(Window) ?? 8, parse.GetValue(Repeats) ?? 3);
            ui.Info(string.Create(CultureInfo.InvariantCulture,
                $"exchange: {r.Messages} x {r.Floats} floats, window {r.Window}, best of {r.Orleans.Count}: Orleans {r.OrleansMBps:F1} MB/s, raw TCP {r.TcpMBps:F1} MB/s, ratio {r.Ratio:P0}; processor time per message: Orleans {r.OrleansCpuMsPerMessage:F2} ms, raw TCP {r.TcpCpuMsPerMessage:F2} ms"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
