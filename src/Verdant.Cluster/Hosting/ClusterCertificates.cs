using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verdant.Cluster.Hosting;

/// <summary>
/// A development certificate authority and the certificates it issues to sites and clients, and the check that a peer's
/// certificate was issued by that authority. Every silo and client presents its certificate and requires the peer's
/// (mutual TLS), so a process without a certificate of the cluster's authority cannot join or call a unit.
/// </summary>
public static class ClusterCertificates
{
    /// <summary>A self-signed authority (ECDSA P-256) valid for <paramref name="days"/> days from <paramref name="now"/>.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now, int days = 365)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
    }

    /// <summary>A certificate for <paramref name="name"/> (a site or "client") issued by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string name, DateTimeOffset now, int days = 365)
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        using X509Certificate2 issued = request.Create(authority, now.AddMinutes(-5), now.AddDays(Math.Min(days, (authority.NotAfter - now).Days)), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="authority"/> (and only to it).</summary>
    public static bool IsIssuedBy(X509Certificate2? certificate, X509Certificate2 authority)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) && chain.ChainElements[^1].Certificate.Thumbprint == authority.Thumbprint;
    }
}
