using Verdant.Cli.Tests.Compare;

namespace Verdant.Cli.Tests.Suite;

/// <summary>The tiny data set of <see cref="TinyCompareSetup"/> and a suite folder with two tiny scenarios.</summary>
internal sealed class TinySuite : IDisposable
{
    private readonly TinyCompareSetup _setup = new();

    public TinySuite()
    {
        Folder = Path.Combine(_setup.Root, "suite");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "alpha.yaml"), TinyCompareSetup.Scenario);
        File.WriteAllText(Path.Combine(Folder, "beta.yaml"), TinyCompareSetup.Scenario
            .Replace("name: tiny", "name: tiny-beta", StringComparison.Ordinal)
            .Replace("seed: 5", "seed: 11", StringComparison.Ordinal)
            .Replace("solar_kwp: 3", "solar_kwp: 0", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Folder, "README.md"), "not a scenario: only *.yaml files are read");
    }

    public string Folder { get; }

    public string DataDirectory => _setup.DataDirectory;

    public string Out(string name) => _setup.Out(name);

    /// <summary>compare --suite with two policies (all, greenest-k as the recommended one) and two seeds: 8 runs.</summary>
    public string[] Args(string output, params string[] extra)
        => ["compare", "--suite", Folder, "--policies", "all", "--recommended", "greenest-k", "--seeds", "2",
            "--data-dir", DataDirectory, "--out", output, .. extra];

    public void Dispose() => _setup.Dispose();
}
