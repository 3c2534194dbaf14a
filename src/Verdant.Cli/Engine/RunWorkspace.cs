using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Verdant.Cli.Commands;
using Verdant.Cli.Output;

namespace Verdant.Cli.Engine;

/// <summary>
/// The output folder of a suite or a sweep, a resumable workspace: workspace.json names what it holds (kind and spec
/// hash), each finished run is its own complete folder under runs/ (staged in .staging/, then renamed), and the aggregate
/// files are rewritten whole from all finished runs. Running the same suite or sweep again skips the finished runs.
/// </summary>
internal sealed class RunWorkspace
{
    public const string ManifestName = "workspace.json";

    // Entries a workspace owns; --force removes them and nothing else.
    private static readonly string[] Owned = [ManifestName, "runs", ".staging", "pareto", "suite.csv", "results.parquet", "runs.db", "report.html"];

    private RunWorkspace(string directory, string kind, string specHash)
    {
        Directory = directory;
        Kind = kind;
        SpecHash = specHash;
    }

    public string Directory { get; }

    /// <summary>"suite" or "sweep".</summary>
    public string Kind { get; }

    /// <summary>The plan's hash (<see cref="PlanHash"/>).</summary>
    public string SpecHash { get; }

    public string StagingRoot => Path.Combine(Directory, ".staging");

    /// <summary>
    /// Opens (or creates) the workspace in <paramref name="directory"/> for the plan whose hash is
    /// <paramref name="specHash"/>. A folder holding another suite or sweep, or files that are not a workspace, is refused
    /// with a <see cref="UsageException"/> unless <paramref name="force"/>, which first removes what a workspace owns.
    /// </summary>
    public static RunWorkspace Open(string directory, string kind, string specHash, bool force, string optionName = "--out")
    {
        ArgumentNullException.ThrowIfNull(directory);
        string full = Path.GetFullPath(directory);
        string? problem = Problem(full, kind, specHash);
        if (problem is not null && !force)
        {
            throw new UsageException($"{optionName} {directory}: {problem}; choose another {optionName}, or pass --force to replace its runs");
        }

        if (problem is not null)
        {
            Clear(full);
        }

        System.IO.Directory.CreateDirectory(full);
        var workspace = new RunWorkspace(full, kind, specHash);
        if (System.IO.Directory.Exists(workspace.StagingRoot))
        {
            // Leftovers of an interrupted session: runs that were being written and never renamed into place.
            System.IO.Directory.Delete(workspace.StagingRoot, recursive: true);
        }

        return workspace;
    }

    /// <summary>
    /// Marks the folder as this plan's workspace (workspace.json); called once the runs' data is loaded and just before
    /// the first run, so that a failure before any run leaves no claim that a later, corrected command would trip over.
    /// </summary>
    public void Claim() => WriteAtomically(ManifestName, path => File.WriteAllText(path, Manifest(Kind, SpecHash)));

    /// <summary>SHA-256 (hex) of the plan: every run's key and scenario hash, in order.</summary>
    public static string PlanHash(string kind, IReadOnlyList<PlannedRun> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder(kind).Append('\n');
        foreach (PlannedRun run in plan)
        {
            text.Append(run.Key).Append(' ').Append(run.ScenarioHash).Append('\n');
        }

        return Hash(text.ToString());
    }

    /// <summary>SHA-256 of UTF-8 text, lower-case hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string RunDirectory(string key) => Path.Combine(Directory, "runs", key.Replace('/', Path.DirectorySeparatorChar));

    public bool IsFinished(PlannedRun run) => RunFolder.IsComplete(RunDirectory(run.Key));

    /// <summary>The finished runs of <paramref name="plan"/>, in plan order, read back from their folders.</summary>
    /// <exception cref="UsageException">A run folder's run.json or summary.json is not readable JSON (edited by hand?).</exception>
    public IReadOnlyList<FinishedRun> ReadFinished(IReadOnlyList<PlannedRun> plan) => [.. plan.Where(IsFinished).Select(r => ReadRun(RunDirectory(r.Key)))];

    private static FinishedRun ReadRun(string directory)
    {
        try
        {
            return FinishedRun.Read(directory);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UsageException($"{directory}: run.json or summary.json is not what a finished run writes ({ex.Message}); delete that folder to run it again");
        }
    }

    /// <summary>Writes <paramref name="name"/> through a temporary file beside it, then renames it over the old one.</summary>
    public void WriteAtomically(string name, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Replace(path, write);
    }

    private static string? Problem(string full, string kind, string specHash)
    {
        if (!System.IO.Directory.Exists(full) || !System.IO.Directory.EnumerateFileSystemEntries(full).Any())
        {
            return null;
        }

        string manifest = Path.Combine(full, ManifestName);
        if (!File.Exists(manifest))
        {
            return "is not empty and is not a suite or sweep folder (no workspace.json)";
        }

        if (ReadManifest(manifest) is not { } held)
        {
            return "has a workspace.json that is not readable";
        }

        (string oldKind, string oldHash) = held;
        if (oldKind != kind)
        {
            return $"holds a {oldKind}, not a {kind}";
        }

        return oldHash == specHash ? null
            : $"holds a different {kind} (spec {oldHash[..Math.Min(12, oldHash.Length)]}, this one {specHash[..12]}: other scenarios, policies, seeds or parameters)";
    }

    private static (string Kind, string SpecHash)? ReadManifest(string path)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return (doc.RootElement.GetProperty("kind").GetString() ?? "?", doc.RootElement.GetProperty("spec_hash").GetString() ?? "?");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Clear(string full)
    {
        foreach (string name in Owned)
        {
            string path = Path.Combine(full, name);
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private static string Manifest(string kind, string specHash)
        => $"{{\n  \"kind\": \"{kind}\",\n  \"spec_hash\": \"{specHash}\"\n}}\n";
}
