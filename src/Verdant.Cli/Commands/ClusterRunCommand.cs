using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verdant.Cli.Console;
using Verdant.Cli.Output;
using Verdant.Cli.Scenarios;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Metering;
using Verdant.Cluster.Journal;
using Verdant.Cluster.Options;
using Verdant.Core.Data;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant cluster run [SCENARIO] [--local N] [--out DIR] [--resume]`: drives a run on a cluster (with --local, N silo
/// processes it starts on loopback) and writes the same files as `verdant run`, with "mode": "cluster", plus the
/// coordinator's round log that `--resume` continues from.
/// </summary>
internal static class ClusterRunCommand
{
    private static readonly Argument<string?> ScenarioArgument = new("scenario")
    {
        Description = "Scenario YAML file (default: the embedded default scenario)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<int?> Local = CommonOptions.Positive(new Option<int?>("--local")
    {
        Description = "Start N silo processes on loopback (sites dealt round-robin) instead of joining a running cluster",
    });

    private static readonly Option<double?> TimeScale = PositiveFinite(new Option<double?>("--time-scale")
    {
        Description = "Replay the scenario's series against the wall clock, X simulated seconds per wall second, and measure "
            + "energy (RAPL, else busy time x hardware power); default: the simulator's modelled clock and energy",
    });

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(90);

    public static Command Create(ConsoleUi ui, TimeProvider time)
    {
        var command = new Command("run", "Train a scenario on Orleans silos and write the run's files")
        {
            ScenarioArgument, Local, TimeScale, CommonOptions.Out, CommonOptions.DataDir, ClusterSiloCommand.Membership,
            ClusterSiloCommand.Redis, ClusterSiloCommand.Primary, ClusterSiloCommand.Tls, ClusterSiloCommand.CheckpointEvery,
            ClusterSiloCommand.CheckpointDir, ClusterRunLog.Resume,
        };
        command.SetAction(parse => Execute(ui, time, parse));
        return command;
    }

    private static int Execute(ConsoleUi ui, TimeProvider time, ParseResult parse) => Guard.Run(ui, () =>
    {
        string? path = parse.GetValue(ScenarioArgument) is { } p ? Path.GetFullPath(p) : null;
        string? dataDir = parse.GetValue(CommonOptions.DataDir);
        LoadedScenario loaded = RunSetup.LoadScenario(path, null, null, null, dataDir);
        Scenario scenario = loaded.Scenario;
        string output = parse.GetValue(CommonOptions.Out) ?? Path.Combine("runs",
            $"{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-cluster-{scenario.PolicyName}");
        using CoordinatorLog? resumed = ClusterRunLog.Check(parse.GetValue(CommonOptions.Out), output, parse.GetValue(ClusterRunLog.Resume),
            parse.GetValue(Local) is not null, parse.GetValue(TimeScale) is not null, scenario, path);
        (Dataset train, Dataset test) = RunSetup.LoadData(loaded);
        var workload = new ClusterWorkload(scenario, train, test, RunSetup.CreateGemm());
        string? tlsDir = parse.GetValue(ClusterSiloCommand.Tls);
        ClusterTls? tls = tlsDir is null ? null : ClusterCertCommand.Load(Path.GetFullPath(tlsDir), ClusterCertCommand.ClientName);
        var silos = new List<Process>();
        try
        {
            ClusterMembership membership = parse.GetValue(Local) is { } n
                ? StartLocal(silos, n, scenario, path, dataDir, tlsDir is null ? null : Path.GetFullPath(tlsDir), CheckpointArguments(parse))
                : ClusterSiloCommand.MembershipOf(parse.GetValue(ClusterSiloCommand.Membership)!, parse.GetValue(ClusterSiloCommand.Redis),
                    parse.GetValue(ClusterSiloCommand.Primary), [parse.GetValue(ClusterSiloCommand.Primary) + 18889]);
            long started = time.GetTimestamp();
            using IHost client = Connect(membership, tls, time);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            string run = resumed?.Header.Run ?? $"run-{time.GetUtcNow().ToUnixTimeMilliseconds()}";
            double? timeScale = parse.GetValue(TimeScale);
            WallClockReplay? replay = timeScale is { } x ? new WallClockReplay(time, x) : null;

            // A wall-clock run is not logged: its measured times and energy would not replay (docs/cluster.md).
            using CoordinatorLog? log = replay is null ? resumed ?? ClusterRunLog.Create(output, scenario, path, run) : null;
            ClusterRunResult result = ui.WithProgress($"{scenario.Name} / {scenario.PolicyName} (cluster)", scenario.Stop.MaxRounds,
                progress => ClusterDriver.RunAsync(grains, workload, run, progress: progress, replay: replay, log: log).GetAwaiter().GetResult());
            double wall = time.GetElapsedTime(started).TotalSeconds;
            StagedDirectory.Replace(output, staging =>
            {
                RunFiles.WriteInto(staging, result.Result, new RunInfo(loaded.Source, wall, scenario.Stop.TargetAccuracy, silos.Count)
                {
                    GridIntensityLabels = [.. scenario.Sites.Select(s => s.Energy.GridIntensityLabel)],
                    Mode = "cluster",
                    TimeScale = timeScale,
                    EnergySources = result.EnergySources,
                    TruncatedRounds = result.TruncatedRounds,
                });
                log?.FinishInto(staging);
            });
            ui.Output.Write(SummaryTable.Build(result.Result, wall, output));
            ui.Error(string.Create(CultureInfo.InvariantCulture,
                $"cluster: {silos.Count} local silos, {result.LateMessages} late and {result.DuplicateMessages} duplicate parameter messages ignored, {result.Rejoins.Count} rejoins after a failure"));
            ui.Error("cluster: compute energy " + string.Join(", ", result.EnergySources.Select(e => $"{e.Site} {e.Source}"))
                + (result.EnergySources.FirstOrDefault(e => e.Reason is not null)?.Reason is { } why ? $" ({why})" : ""));
            ReportCheckpoints(ui, grains, workload, run);
            client.StopAsync().GetAwaiter().GetResult();
            if (silos.Count > 0)
            {
                // Checkpoints are for a run that breaks off; this one finished, and its local silos wrote them here.
                FileGrainStorage.DeleteMatching(parse.GetValue(ClusterSiloCommand.CheckpointDir) ?? CheckpointStore.DefaultDirectory, run + ":");
            }

            return ExitCodes.Ok;
        }
        catch (CoordinatorLogException ex)
        {
            ui.Error(ex.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            foreach (Process silo in silos)
            {
                if (!silo.HasExited)
                {
                    silo.Kill(entireProcessTree: true);
                }

                silo.Dispose();
            }
        }
    });

    private static ClusterMembership StartLocal(List<Process> silos, int count, Scenario scenario, string? path, string? dataDir,
        string? tlsDir, IReadOnlyList<string> checkpointArguments)
    {
        int[] ports = LoopbackPorts.Free(2 * count);
        for (int i = 0; i < count; i++)
        {
            string[] sites = [.. scenario.Sites.Select(s => s.Name).Where((_, s) => s % count == i)];
            var args = new List<string> { "cluster", "silo", "--site", string.Join(',', sites), "--port", Str(ports[i]),
                "--gateway-port", Str(ports[count + i]), "--primary-port", Str(ports[0]) };
            if (path is not null)
            {
                args.AddRange(["--scenario", path]);
            }

            if (dataDir is not null)
            {
                args.AddRange(["--data-dir", dataDir]);
            }

            if (tlsDir is not null)
            {
                args.AddRange(["--tls", tlsDir]);
            }

            args.AddRange(checkpointArguments);

            silos.Add(Process.Start(SelfStart(args)) ?? throw new InvalidOperationException("could not start a silo process"));
        }

        return new ClusterMembership(MembershipKind.Localhost, null, ports[0], ports[count..]);
    }

    private static ProcessStartInfo SelfStart(List<string> args)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClusterRunCommand).Assembly.Location);
        }

        args.ForEach(start.ArgumentList.Add);
        return start;
    }

    // Silos start in parallel; the client retries until a gateway answers and every silo has joined.
    private static IHost Connect(ClusterMembership membership, ClusterTls? tls, TimeProvider time)
    {
        long started = time.GetTimestamp();
        while (true)
        {
            IHost client = VerdantHosts.Client(membership, tls);
            try
            {
                client.StartAsync().GetAwaiter().GetResult();
                return client;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                client.Dispose();
                if (time.GetElapsedTime(started) > ConnectTimeout)
                {
                    throw new InvalidOperationException($"no silo answered within {ConnectTimeout.TotalSeconds} s: {ex.Message}", ex);
                }

                Thread.Sleep(500);
            }
        }
    }

    // A token that is not a number already carries the parser's own error; the range check must not throw on it.
    private static Option<double?> PositiveFinite(Option<double?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture,
                out double value) && !(value > 0 && double.IsFinite(value)))
            {
                result.AddError($"{option.Name}: must be a positive number of simulated seconds per wall second");
            }
        });
        return option;
    }

    private static void ReportCheckpoints(ConsoleUi ui, IClusterClient grains, ClusterWorkload workload, string run)
    {
        CheckpointTotals totals = CheckpointTotals.Collect([.. workload.SiteOfUnit.Select((site, unit) =>
            grains.GetGrain<INodeGrain>(NodeKey.Format(run, unit, site)))]);
        ui.Error(string.Create(CultureInfo.InvariantCulture,
            $"checkpoints: {totals.Writes} written, {totals.BytesPerWrite:F0} bytes and {totals.MillisecondsPerWrite:F2} ms per unit and write"));
    }

    // The local silos checkpoint as asked (they always use files: localhost membership).
    private static string[] CheckpointArguments(ParseResult parse) =>
    [
        .. parse.GetValue(ClusterSiloCommand.CheckpointEvery) is { } every ? new[] { "--checkpoint-every", Str(every) } : [],
        .. parse.GetValue(ClusterSiloCommand.CheckpointDir) is { } directory ? new[] { "--checkpoint-dir", Path.GetFullPath(directory) } : [],
    ];

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
