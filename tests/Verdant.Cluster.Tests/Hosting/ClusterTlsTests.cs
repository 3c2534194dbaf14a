using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class ClusterTlsTests
{
    [Fact]
    public void IsIssuedBy_OwnAuthority_TrueOtherAuthority_False()
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        using var ca = ClusterCertificates.CreateAuthority("verdant-test", now);
        using var rogue = ClusterCertificates.CreateAuthority("verdant-test", now);
        using var site = ClusterCertificates.Issue(ca, "sunny", now);
        using var impostor = ClusterCertificates.Issue(rogue, "sunny", now);

        Assert.True(ClusterCertificates.IsIssuedBy(site, ca));
        Assert.False(ClusterCertificates.IsIssuedBy(impostor, ca));
        Assert.False(ClusterCertificates.IsIssuedBy(ca, rogue));
    }

    [Fact]
    public async Task Connect_ClientCertificateOfAnotherAuthority_IsRefusedBySilo()
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        using var ca = ClusterCertificates.CreateAuthority("verdant-test", now);
        using var rogue = ClusterCertificates.CreateAuthority("verdant-test", now);
        var workload = ClusterScenarios.Workload(ClusterScenarios.Small("all"));
        int[] ports = LoopbackPorts.Free(2);
        (int siloPort, int gatewayPort) = (ports[0], ports[1]);
        var membership = new ClusterMembership(MembershipKind.Localhost, null, siloPort, [gatewayPort]);
        using IHost silo = VerdantHosts.Silo(workload, ClusterScenarios.SiteNames, membership, siloPort, gatewayPort,
            new ClusterTls(ClusterCertificates.Issue(ca, "sunny", now), ca));
        await silo.StartAsync();
        using IHost member = VerdantHosts.Client(membership, new ClusterTls(ClusterCertificates.Issue(ca, "client", now), ca));
        // The outsider trusts the cluster's authority, so only the silo's check of its certificate can turn it away.
        using IHost outsider = VerdantHosts.Client(membership, new ClusterTls(ClusterCertificates.Issue(rogue, "client", now), ca));

        await member.StartAsync();
        NodeCounters counters = await member.Services.GetRequiredService<IClusterClient>()
            .GetGrain<INodeGrain>(NodeKey.Format("tls", 0, "sunny")).GetCounters();
        Exception refused = await Record.ExceptionAsync(() => outsider.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(-1, counters.MixedRound);
        Assert.NotNull(refused);
        Assert.IsNotType<TimeoutException>(refused);
        await member.StopAsync();
        await silo.StopAsync();
    }

    [Fact]
    public async Task Join_SiloCertificateOfAnotherAuthority_IsRefusedAndRunUnaffected()
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        using var ca = ClusterCertificates.CreateAuthority("verdant-test", now);
        using var rogue = ClusterCertificates.CreateAuthority("verdant-test", now);
        Scenario scenario = ClusterScenarios.Small("all", rounds: 8);
        SimulationResult expected = ClusterScenarios.Simulate(scenario);
        var workload = ClusterScenarios.Workload(scenario);
        int[] ports = LoopbackPorts.Free(4);
        var membership = new ClusterMembership(MembershipKind.Localhost, null, ports[0], [ports[1]]);
        DirectoryInfo checkpoints = Directory.CreateTempSubdirectory("verdant-tls-test-");
        using IHost silo = VerdantHosts.Silo(workload, ClusterScenarios.SiteNames, membership, ports[0], ports[1],
            new ClusterTls(ClusterCertificates.Issue(ca, "sunny", now), ca), CheckpointStore.InDirectory(checkpoints.FullName));
        await silo.StartAsync();
        // The impostor trusts the cluster's authority, so only the members' check of its certificate can keep it out.
        using IHost impostor = VerdantHosts.Silo(workload, ["coal"], membership, ports[2], ports[3],
            new ClusterTls(ClusterCertificates.Issue(rogue, "coal", now), ca), CheckpointStore.InDirectory(checkpoints.FullName));
        using IHost member = VerdantHosts.Client(membership, new ClusterTls(ClusterCertificates.Issue(ca, "client", now), ca));
        await member.StartAsync();
        var client = member.Services.GetRequiredService<IClusterClient>();

        // The impostor keeps trying to join (its start never completes) while the cluster trains.
        using var giveUp = new CancellationTokenSource();
        Task joining = impostor.StartAsync(giveUp.Token);
        ClusterRunResult run = await ClusterDriver.RunAsync(client, workload, "tls-run");
        Dictionary<SiloAddress, SiloStatus> hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        bool joined = joining.IsCompletedSuccessfully;
        await giveUp.CancelAsync();
        await Record.ExceptionAsync(() => joining);

        Assert.False(joined);
        Assert.Equal([ports[0]], hosts.Keys.Select(h => h.Endpoint.Port));
        Assert.Equal(SiloStatus.Active, hosts.Values.Single());
        Assert.Equal(expected.Rounds, run.Result.Rounds);
        await member.StopAsync();
        await silo.StopAsync();
        checkpoints.Delete(recursive: true);
    }
}
