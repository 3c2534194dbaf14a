using Verdant.Core.Simulation;

namespace Verdant.Cli.Engine;

/// <summary>
/// One run of a suite or a sweep before it runs: its stable key (its folder under DIR/runs), the parameters that make it
/// differ from its base scenario, the hash of the exact scenario it runs, and how to load that scenario.
/// </summary>
/// <remarks>
/// <see cref="Load"/> is called on the worker that runs it, so that a plan of hundreds of runs does not hold hundreds of
/// scenarios (with their hourly series) at once; the plan was validated by loading every run once before any ran.
/// </remarks>
internal sealed record PlannedRun(
    string Key,
    string Label,
    string ScenarioHash,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string ScenarioSource,
    string DataDirectory,
    Func<Scenario> Load)
{
    /// <summary>The effective scenario YAML, saved beside the results as scenario.yaml when known (sweeps).</summary>
    public string? EffectiveYaml { get; init; }
}
