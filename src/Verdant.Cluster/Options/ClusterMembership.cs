using System.Net;

namespace Verdant.Cluster.Options;

/// <summary>How silos find each other: Orleans' localhost clustering (one machine) or a Redis membership table.</summary>
public enum MembershipKind
{
    /// <summary>Development clustering on loopback, the first silo being the primary.</summary>
    Localhost,

    /// <summary>Microsoft.Orleans.Clustering.Redis: the membership table lives in Redis (several machines).</summary>
    Redis,
}

/// <summary>
/// Where a process joins: the membership kind, the Redis endpoint (HOST:PORT) when Redis, and for localhost clustering
/// the primary silo's port and every gateway port a client may use.
/// </summary>
public sealed record ClusterMembership(MembershipKind Kind, string? Redis, int PrimarySiloPort, IReadOnlyList<int> GatewayPorts)
{
    /// <summary>Orleans' cluster id shared by every Verdant process of one cluster.</summary>
    public const string ClusterId = "verdant";

    /// <summary>Orleans' service id (storage keys are scoped by it).</summary>
    public const string ServiceId = "verdant";

    /// <summary>The primary silo of localhost clustering.</summary>
    public IPEndPoint PrimaryEndpoint => new(IPAddress.Loopback, PrimarySiloPort);
}
