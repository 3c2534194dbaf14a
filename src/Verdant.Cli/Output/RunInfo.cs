namespace Verdant.Cli.Output;

/// <summary>Facts about a run that are not simulation output: where the scenario came from, wall time, target.</summary>
internal sealed record RunInfo(string ScenarioSource, double WallSeconds, double? TargetAccuracy, int Workers)
{
    /// <summary>Which carbon intensity each site's grid series is (SiteEnergySpec.GridIntensityLabel), in site order.</summary>
    public IReadOnlyList<string> GridIntensityLabels { get; init; } = [];

    /// <summary>"simulate" for `verdant run`, "cluster" when the units trained as Orleans grains.</summary>
    public string Mode { get; init; } = "simulate";
}
