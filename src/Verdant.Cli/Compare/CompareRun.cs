using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>One finished run of a comparison: the full simulation result and the wall time it took.</summary>
internal sealed record CompareRun(SimulationResult Result, double WallSeconds)
{
    public CompareRow Row { get; } = CompareRow.From(Result);

    /// <summary>The run's folder name under DIR/runs: policy-seedS.</summary>
    public string FolderName => $"{Result.Policy}-seed{Result.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
