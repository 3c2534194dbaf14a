using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Options;

namespace Verdant.Cluster.Hosting;

/// <summary>Builds the two kinds of Verdant process: a silo hosting some sites' units, and the client that drives a run.</summary>
public static class VerdantHosts
{
    /// <summary>
    /// A silo for <paramref name="sites"/> listening on <paramref name="siloPort"/> (peers) and <paramref name="gatewayPort"/>
    /// (clients). Units checkpoint to <paramref name="checkpoints"/>, by default Redis with Redis membership and files
    /// under <see cref="CheckpointStore.DefaultDirectory"/> otherwise; <paramref name="configure"/> adjusts the options.
    /// </summary>
    public static IHost Silo(ClusterWorkload workload, IReadOnlyList<string> sites, ClusterMembership membership,
        int siloPort, int gatewayPort, ClusterTls? tls = null, CheckpointStore? checkpoints = null,
        Action<VerdantClusterOptions>? configure = null)
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

            silo.AddVerdantCluster(workload, o =>
            {
                o.Sites = sites;
                configure?.Invoke(o);
            });
            silo.AddVerdantCheckpoints(checkpoints ?? (membership.Kind == MembershipKind.Redis
                ? CheckpointStore.InRedis(membership.Redis!) : CheckpointStore.InDirectory(CheckpointStore.DefaultDirectory)));
            if (tls is not null)
            {
                silo.UseTls(tls.Certificate, o => Require(o, tls));
            }
        });
        return builder.Build();
    }

    /// <summary>A client of the cluster described by <paramref name="membership"/>.</summary>
    public static IHost Client(ClusterMembership membership, ClusterTls? tls = null)
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

            if (tls is not null)
            {
                client.UseTls(tls.Certificate, o => Require(o, tls));
            }

            // Fail the start at once (a refused certificate, no gateway yet) and let the caller decide whether to retry.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        return builder.Build();
    }

    // Mutual TLS: both ends present a certificate and accept only one issued by the cluster's authority.
    private static void Require(TlsOptions options, ClusterTls tls)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => ClusterCertificates.IsIssuedBy(certificate, tls.Authority);
    }
}
