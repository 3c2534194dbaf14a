using Verdant.Core.Simulation;

namespace Verdant.Cli.Scenarios;

/// <summary>A validated scenario with the settings that live outside Core (where the data set is read from).</summary>
internal sealed record LoadedScenario(Scenario Scenario, string DataDirectory, string Source);
