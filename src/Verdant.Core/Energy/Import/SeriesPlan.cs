namespace Verdant.Core.Energy.Import;

/// <summary>Which columns to read and how to read them, decided from the header and the options.</summary>
/// <param name="TimeIndex">Index of the time column.</param>
/// <param name="ValueIndex">Index of the value column.</param>
/// <param name="SecondsOrigin">When set, the time column holds seconds from this origin instead of timestamps.</param>
/// <param name="Kind">What the values are.</param>
/// <param name="Unit">Unit of the values in the file.</param>
internal sealed record SeriesPlan(int TimeIndex, int ValueIndex, DateTimeOffset? SecondsOrigin, SeriesKind Kind, SeriesUnit Unit);
