namespace Verdant.Cli.Output;

/// <summary>Facts about a run that are not simulation output: where the scenario came from, wall time, target.</summary>
internal sealed record RunInfo(string ScenarioSource, double WallSeconds, double? TargetAccuracy, int Workers);
