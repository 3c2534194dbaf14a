using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Verdant.Cli.Console;
using Verdant.Cli.Scenarios;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant cluster cert --out DIR [SCENARIO]`: a development authority (ca.crt) and one certificate with its key per
/// site of the scenario plus one for clients (NAME.pfx, no password: development only, keep the directory private).
/// </summary>
internal static class ClusterCertCommand
{
    public const string AuthorityFile = "ca.crt";
    public const string ClientName = "client";

    private static readonly Argument<string?> ScenarioArgument = new("scenario")
    {
        Description = "Scenario whose sites get certificates (default: the embedded default)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string> Out = new("--out") { Description = "Directory for ca.crt and the .pfx files", Required = true };

    public static Command Create(ConsoleUi ui, TimeProvider time)
    {
        var command = new Command("cert", "Create a development certificate authority and per-site certificates") { ScenarioArgument, Out };
        command.SetAction(parse => Guard.Run(ui, () =>
        {
            LoadedScenario loaded = RunSetup.LoadScenario(parse.GetValue(ScenarioArgument), null, null, null, null);
            string directory = parse.GetValue(Out)!;
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new UsageException($"--out: {directory} is not empty; certificates are never overwritten");
            }

            Directory.CreateDirectory(directory);
            DateTimeOffset now = time.GetUtcNow();
            using X509Certificate2 authority = ClusterCertificates.CreateAuthority($"verdant {loaded.Scenario.Name} dev CA", now);
            File.WriteAllText(Path.Combine(directory, AuthorityFile), authority.ExportCertificatePem());
            foreach (string name in loaded.Scenario.Sites.Select(s => s.Name).Append(ClientName))
            {
                using X509Certificate2 issued = ClusterCertificates.Issue(authority, name, now);
                File.WriteAllBytes(Path.Combine(directory, $"{name}.pfx"), issued.Export(X509ContentType.Pkcs12));
            }

            ui.Info($"wrote {AuthorityFile} and {loaded.Scenario.Sites.Count + 1} certificates to {directory}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The TLS settings of a process named <paramref name="name"/> (a site, or "client") from a directory made by this command.</summary>
    public static ClusterTls Load(string directory, string name)
    {
        string ca = Path.Combine(directory, AuthorityFile), pfx = Path.Combine(directory, $"{name}.pfx");
        foreach (string file in new[] { ca, pfx })
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"--tls: {file} not found (make the directory with `verdant cluster cert --out {directory}`)");
            }
        }

        return new ClusterTls(X509CertificateLoader.LoadPkcs12FromFile(pfx, null), X509CertificateLoader.LoadCertificateFromFile(ca));
    }
}
