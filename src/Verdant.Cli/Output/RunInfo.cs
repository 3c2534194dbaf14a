namespace Verdant.Cli.Output;

/// <summary>Facts about a run that are not simulation output: where the scenario came from, wall time, target.</summary>
internal sealed record RunInfo(string ScenarioSource, double WallSeconds, double? TargetAccuracy, int Workers)
{
    /// <summary>Which carbon intensity each site's grid series is (SiteEnergySpec.GridIntensityLabel), in site order.</summary>
    public IReadOnlyList<string> GridIntensityLabels { get; init; } = [];

    /// <summary>"simulate" for `verdant run`, "cluster" when the units trained as Orleans grains.</summary>
    public string Mode { get; init; } = "simulate";

    /// <summary>Simulated seconds per wall second of a cluster run's wall-clock replay; null: the modelled clock.</summary>
    public double? TimeScale { get; init; }

    /// <summary>Where each site's compute energy came from (cluster runs; empty for the simulator).</summary>
    public IReadOnlyList<Verdant.Cluster.Metering.SiteEnergySource> EnergySources { get; init; } = [];

    /// <summary>Rounds of a wall-clock replay cut at the end of the supply series.</summary>
    public int TruncatedRounds { get; init; }
}
