using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verdant.Cluster.Options;

namespace Verdant.Cluster.Hosting;

/// <summary>Builds the two kinds of Verdant process: a silo hosting some sites' units, and the client that drives a run.</summary>
public static class VerdantHosts
{
    /// <summary>A silo for <paramref name="sites"/> listening on <paramref name="siloPort"/> (peers) and <paramref name="gatewayPort"/> (clients).</summary>
    public static IHost Silo(ClusterWorkload workload, IReadOnlyList<string> sites, ClusterMembership membership,
        int siloPort, int gatewayPort)
    {
        ArgumentNullException.ThrowIfNull(membership);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            if (membership.Kind == MembershipKind.Redis)
            {
                silo.UseRedisClustering(membership.Redis!);
                silo.ConfigureEndpoints(siloPort, gatewayPort);
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterMembership.ClusterId;
                    o.ServiceId = ClusterMembership.ServiceId;
                });
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, membership.PrimaryEndpoint,
                    ClusterMembership.ServiceId, ClusterMembership.ClusterId);
            }

            silo.AddVerdantCluster(workload, o => o.Sites = sites);
        });
        return builder.Build();
    }

    /// <summary>A client of the cluster described by <paramref name="membership"/>.</summary>
    public static IHost Client(ClusterMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            if (membership.Kind == MembershipKind.Redis)
            {
                client.UseRedisClustering(membership.Redis!);
                client.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterMembership.ClusterId;
                    o.ServiceId = ClusterMembership.ServiceId;
                });
            }
            else
            {
                client.UseLocalhostClustering([.. membership.GatewayPorts], ClusterMembership.ServiceId, ClusterMembership.ClusterId);
            }
        });
        return builder.Build();
    }
}
