namespace Verdant.Core.Energy.Import;

/// <summary>An imported series with what it measures, its canonical unit, and the warnings raised while reading it.</summary>
/// <param name="Series">The values on the target grid (or on the file's own grid), in <paramref name="Unit"/>.</param>
/// <param name="Kind">What the series is (e.g. average life-cycle carbon intensity).</param>
/// <param name="Unit">Canonical unit symbol of the values: gCO2eq/kWh, W/m2, W, m/s or fraction.</param>
/// <param name="Warnings">One line per filled gap or other repaired defect, naming the file.</param>
public sealed record ImportedSeries(TimeSeries Series, SeriesKind Kind, string Unit, IReadOnlyList<string> Warnings);
