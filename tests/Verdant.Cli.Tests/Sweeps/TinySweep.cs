using Verdant.Cli.Tests.Compare;

namespace Verdant.Cli.Tests.Sweeps;

/// <summary>The tiny data set and scenario of <see cref="TinyCompareSetup"/> and a sweep file over it.</summary>
internal sealed class TinySweep : IDisposable
{
    /// <summary>2 learning rates x 3 seeds = 6 runs of 6 rounds; site b gets a battery (a whole mapping as a value).</summary>
    public const string Grid = """
        name: tiny-sweep
        scenario: tiny.yaml
        set:
          stop.rounds: 6
          sites[b].battery: { capacity_kwh: 5, charge_kw: 2, discharge_kw: 2 }
        grid:
          training.learning_rate: [0.05, 0.1]
          seed: [1, 2, 3]
        """;

    private readonly TinyCompareSetup _setup = new();

    public TinySweep(string sweep = Grid)
    {
        SweepPath = Path.Combine(_setup.Root, "sweep.yaml");
        File.WriteAllText(SweepPath, sweep);
    }

    public string SweepPath { get; }

    public string Root => _setup.Root;

    public string DataDirectory => _setup.DataDirectory;

    public string Out(string name) => _setup.Out(name);

    public string[] Args(string output, params string[] extra)
        => ["sweep", SweepPath, "--data-dir", DataDirectory, "--out", output, .. extra];

    public void Dispose() => _setup.Dispose();
}
