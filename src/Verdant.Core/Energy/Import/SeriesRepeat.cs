namespace Verdant.Core.Energy.Import;

/// <summary>How to cover a target range longer than the file: fail, or tile the last complete UTC day or week.</summary>
public enum SeriesRepeat
{
    /// <summary>A target range outside the file's coverage is an error.</summary>
    None,

    /// <summary>Tile the last complete UTC day (00:00 to 24:00) of the file, keeping the time of day.</summary>
    Daily,

    /// <summary>Tile the last complete UTC week (Monday 00:00 to Monday 00:00), keeping weekday and time of day.</summary>
    Weekly,
}
