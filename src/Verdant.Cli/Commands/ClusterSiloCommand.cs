using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Verdant.Cli.Console;
using Verdant.Cli.Scenarios;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;
using Verdant.Core.Data;

namespace Verdant.Cli.Commands;

/// <summary>`verdant cluster silo --site NAME --scenario FILE [--port P] [--gateway-port G] [--membership localhost|redis] [--redis HOST:PORT]`.</summary>
internal static class ClusterSiloCommand
{
    public static readonly Option<string> Site = new("--site") { Description = "Site(s) this silo hosts, comma-separated", Required = true };
    public static readonly Option<string?> Scenario = new("--scenario") { Description = "Scenario YAML file (default: the embedded default)" };
    public static readonly Option<int> Port = new("--port") { Description = "Silo-to-silo port", DefaultValueFactory = _ => 11111 };
    public static readonly Option<int?> GatewayPort = new("--gateway-port") { Description = "Client gateway port (default: port + 18889)" };
    public static readonly Option<int> Primary = new("--primary-port") { Description = "Port of the primary silo (localhost membership)", DefaultValueFactory = _ => 11111 };
    public static readonly Option<string> Membership = new("--membership")
    {
        Description = "localhost (one machine) or redis (several machines)", DefaultValueFactory = _ => "localhost",
    };

    public static readonly Option<string?> Redis = new("--redis") { Description = "Redis HOST:PORT of the membership table" };

    public static readonly Option<string?> Tls = new("--tls") { Description = "Directory made by `verdant cluster cert`: mutual TLS with the cluster's authority" };

    public static readonly Option<int?> CheckpointEvery = CommonOptions.NonNegative(new Option<int?>("--checkpoint-every")
    {
        Description = "Each unit checkpoints its state every K rounds (default 10; 0: off)",
    });

    public static readonly Option<string?> CheckpointDir = new("--checkpoint-dir")
    {
        Description = "Directory of the units' checkpoint files (default: Redis with --membership redis, else verdant-checkpoints in the temp directory)",
    };

    public static Command Create(ConsoleUi ui)
    {
        Membership.AcceptOnlyFromAmong("localhost", "redis");
        var command = new Command("silo", "Start one site's silo and serve until stopped")
        {
            Site, Scenario, Port, GatewayPort, Primary, Membership, Redis, Tls, CommonOptions.DataDir, CheckpointEvery, CheckpointDir,
        };
        command.SetAction(parse => Execute(ui, parse));
        return command;
    }

    private static int Execute(ConsoleUi ui, ParseResult parse) => Guard.Run(ui, () =>
    {
        ClusterMembership membership = MembershipOf(parse.GetValue(Membership)!, parse.GetValue(Redis), parse.GetValue(Primary), []);
        LoadedScenario loaded = RunSetup.LoadScenario(parse.GetValue(Scenario), null, null, null, parse.GetValue(CommonOptions.DataDir));
        string[] sites = [.. parse.GetValue(Site)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        string[] unknown = [.. sites.Where(s => !loaded.Scenario.Sites.Any(x => x.Name == s))];
        if (unknown.Length > 0)
        {
            throw new UsageException($"--site: {string.Join(", ", unknown)} is not a site of {loaded.Scenario.Name} ({string.Join(", ", loaded.Scenario.Sites.Select(s => s.Name))})");
        }

        ClusterTls? tls = parse.GetValue(Tls) is { } dir ? ClusterCertCommand.Load(dir, sites[0]) : null;
        (Dataset train, Dataset test) = RunSetup.LoadData(loaded);
        var workload = new ClusterWorkload(loaded.Scenario, train, test, RunSetup.CreateGemm());
        int port = parse.GetValue(Port);
        CheckpointStore? checkpoints = parse.GetValue(CheckpointDir) is { } directory ? CheckpointStore.InDirectory(directory) : null;
        int? every = parse.GetValue(CheckpointEvery);
        using IHost host = VerdantHosts.Silo(workload, sites, membership, port, parse.GetValue(GatewayPort) ?? port + 18889, tls,
            checkpoints, o => o.CheckpointEveryRounds = every ?? o.CheckpointEveryRounds);
        host.Run();
        return ExitCodes.Ok;
    });

    public static ClusterMembership MembershipOf(string kind, string? redis, int primaryPort, IReadOnlyList<int> gateways)
    {
        if (kind == "redis")
        {
            return string.IsNullOrWhiteSpace(redis)
                ? throw new UsageException("--redis: HOST:PORT is required with --membership redis")
                : new ClusterMembership(MembershipKind.Redis, redis, primaryPort, gateways);
        }

        return new ClusterMembership(MembershipKind.Localhost, null, primaryPort, gateways);
    }
}
