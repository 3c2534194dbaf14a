using Verdant.Cli.Commands;

namespace Verdant.Cli.Tests.Commands;

public class ClusterCertCommandTests
{
    [Fact]
    public void Cert_WritesAuthorityAndOneCertificatePerSiteAndClient_AllIssuedByIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verdant-cert-{Guid.NewGuid():N}");
        try
        {
            (int code, _, _) = ProgramTests.Invoke("cluster", "cert", RepositoryFiles.PathOf("scenarios/cluster-small.yaml"), "--out", dir);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Equal(["ca.crt", "client.pfx", "madrid.pfx", "stockholm.pfx", "warsaw.pfx"],
                Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (string name in new[] { "madrid", "client" })
            {
                Verdant.Cluster.Options.ClusterTls tls = ClusterCertCommand.Load(dir, name);
                Assert.True(tls.Certificate.HasPrivateKey);
                Assert.True(Verdant.Cluster.Hosting.ClusterCertificates.IsIssuedBy(tls.Certificate, tls.Authority));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Cert_NonEmptyDirectory_ExitsTwoAndWritesNothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verdant-cert-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        try
        {
            (int code, _, string err) = ProgramTests.Invoke("cluster", "cert", "--out", dir);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"verdant: --out: {dir} is not empty; certificates are never overwritten\n", err);
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
