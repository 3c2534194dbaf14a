namespace Verdant.Core.Energy.Import;

/// <summary>How to read one series file: layout, columns, unit, target grid, gap limit and repeat mode.</summary>
public sealed record SeriesImportOptions
{
    /// <summary>The default gap limit: gaps up to 3 hours are filled linearly.</summary>
    public static readonly TimeSpan DefaultMaxGap = TimeSpan.FromHours(3);

    /// <summary>The file's layout; <see cref="SeriesLayout.Auto"/> detects it from the header.</summary>
    public SeriesLayout Layout { get; init; } = SeriesLayout.Auto;

    /// <summary>Timestamp column (Generic and Irradiance layouts); matched case-insensitively.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Value column (Generic, Irradiance), zone (MarginalZone) or city (VessimSolar); case-insensitive.</summary>
    public string? ValueColumn { get; init; }

    /// <summary>Unit of the values; required for Generic, WattTime and MarginalZone, implied by the other layouts.</summary>
    public SeriesUnit? Unit { get; init; }

    /// <summary>Quantity for Generic files when the unit alone does not say it (e.g. marginal intensity).</summary>
    public SeriesQuantity? Quantity { get; init; }

    /// <summary>Direct or life-cycle: selects the Electricity Maps column (default life-cycle), or labels a Generic file.</summary>
    public IntensityBasis? Basis { get; init; }

    /// <summary>The grid to resample onto; null keeps the file's own step from its first timestamp.</summary>
    public SeriesGrid? Target { get; init; }

    /// <summary>Longest gap that is filled by linear interpolation (with a warning); longer gaps are errors.</summary>
    public TimeSpan MaxGap { get; init; } = DefaultMaxGap;

    /// <summary>What to do when the target range reaches beyond the file.</summary>
    public SeriesRepeat Repeat { get; init; } = SeriesRepeat.None;

    /// <summary>Origin of seconds-based time columns (VessimSolar); required for that layout.</summary>
    public DateTimeOffset? TimeOriginUtc { get; init; }
}
