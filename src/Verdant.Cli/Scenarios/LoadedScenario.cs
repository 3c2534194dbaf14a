using Verdant.Core.Simulation;

namespace Verdant.Cli.Scenarios;

/// <summary>A validated scenario with the settings that live outside Core (where the data set is read from).</summary>
internal sealed record LoadedScenario(Scenario Scenario, string DataDirectory, string Source)
{
    /// <summary>Problems that were repaired while loading (short gaps filled, periods repeated); shown before a run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Where <see cref="DataDirectory"/> was set, for messages: "--data-dir", "FILE: data.dir", or null for the default.</summary>
    public string? DataDirectoryOrigin { get; init; }
}
