using System.Security.Cryptography.X509Certificates;

namespace Verdant.Cluster.Options;

/// <summary>This process's certificate (with its private key) and the cluster's authority that every peer's must chain to.</summary>
public sealed record ClusterTls(X509Certificate2 Certificate, X509Certificate2 Authority);
