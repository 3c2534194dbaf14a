using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class RedisMembershipTests
{
    [Fact]
    public async Task Run_TwoSilosFoundThroughRedis_EqualsSimulator()
    {
        Scenario scenario = ClusterScenarios.Small("all", rounds: 8);
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        ClusterWorkload workload = ClusterScenarios.Workload(scenario);
        int redisPort = LoopbackPorts.Free(1)[0];
        using Process redis = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            { UseShellExecute = false, RedirectStandardOutput = true })!;
        try
        {
            await UntilListening(redisPort);
            var membership = new ClusterMembership(MembershipKind.Redis, $"127.0.0.1:{redisPort}", 0, []);
            int[] ports = LoopbackPorts.Free(4);
            // Checkpoints go to the same Redis (the default with Redis membership), every 2 rounds.
            using IHost first = VerdantHosts.Silo(workload, ["sunny", "windy"], membership, ports[0], ports[1], configure: EveryTwo);
            using IHost second = VerdantHosts.Silo(workload, ["coal"], membership, ports[2], ports[3], configure: EveryTwo);
            await first.StartAsync();
            await second.StartAsync();
            using IHost client = VerdantHosts.Client(membership);
            await client.StartAsync();

            ClusterRunResult actual = await ClusterDriver.RunAsync(client.Services.GetRequiredService<IClusterClient>(), workload, "redis");

            Assert.Equal(expected.Rounds, actual.Result.Rounds);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            INodeGrain coal = grains.GetGrain<INodeGrain>(NodeKey.Format("redis", 4, "coal"));
            float[] last = (await coal.GetParameters()).Values;
            await second.StopAsync();
            // The coal site comes back on another silo: its unit reactivates from Redis with its last round's parameters.
            int[] more = LoopbackPorts.Free(2);
            using IHost third = VerdantHosts.Silo(workload, ["coal"], membership, more[0], more[1], configure: EveryTwo);
            await third.StartAsync();
            CheckpointInfo restored = await Reactivated(coal);
            Assert.Equal(new CheckpointInfo(7, 0, 0, 0), restored);
            Assert.Equal(last, (await coal.GetParameters()).Values);
            await client.StopAsync();
            await third.StopAsync();
            await first.StopAsync();
        }
        finally
        {
            redis.Kill();
        }
    }

    private static void EveryTwo(VerdantClusterOptions options) => options.CheckpointEveryRounds = 2;

    // Asks until placement knows the restarted site's silo (its metadata reaches the others a moment after it joins).
    private static async Task<CheckpointInfo> Reactivated(INodeGrain unit)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await unit.GetCheckpointInfo();
            }
            catch (Exception ex) when (attempt < 20 && ex is SiteUnavailableException or OrleansException)
            {
                // Not placed yet: ask again.
            }
        }
    }

    // Waits for redis-server to accept connections: a condition, polled without sleeping.
    private static async Task UntilListening(int port)
    {
        for (int attempt = 0; attempt < 2000; attempt++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Yield();
            }
        }

        Assert.Fail($"redis-server did not listen on {port}");
    }
}
