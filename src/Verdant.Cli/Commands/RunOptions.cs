namespace Verdant.Cli.Commands;

/// <summary>What `verdant run` was asked for, after parsing.</summary>
internal sealed record RunOptions(string? ScenarioPath, string? Policy, int? Rounds, int? Seed, string? OutputDirectory,
    string? DataDirectory, int? Workers, bool Force = false);
