namespace Verdant.Core.Energy.Import;

/// <summary>What an imported series is, recorded with a run so its summary says which intensity it used.</summary>
/// <param name="Quantity">The physical quantity.</param>
/// <param name="Basis">Direct or life-cycle for carbon intensities when the source says; otherwise Unknown.</param>
public sealed record SeriesKind(SeriesQuantity Quantity, IntensityBasis Basis)
{
    /// <summary>True for average or marginal carbon intensity.</summary>
    public bool IsCarbonIntensity =>
        Quantity is SeriesQuantity.CarbonIntensityAverage or SeriesQuantity.CarbonIntensityMarginal;

    /// <summary>A stable kebab-case label for summaries, e.g. <c>carbon-intensity-average/life-cycle</c>.</summary>
    public string Label => Basis == IntensityBasis.Unknown ? QuantityLabel : $"{QuantityLabel}/{BasisLabel}";

    private string QuantityLabel => Quantity switch
    {
        SeriesQuantity.CarbonIntensityAverage => "carbon-intensity-average",
        SeriesQuantity.CarbonIntensityMarginal => "carbon-intensity-marginal",
        SeriesQuantity.Irradiance => "irradiance",
        SeriesQuantity.CapacityFactor => "capacity-factor",
        SeriesQuantity.Power => "power",
        _ => "wind-speed",
    };

    private string BasisLabel => Basis == IntensityBasis.Direct ? "direct" : "life-cycle";

    /// <inheritdoc/>
    public override string ToString() => Label;
}
