namespace Verdant.Cli.Engine;

/// <summary>
/// One leaf of a run's summary.json, named by its dotted path (<c>final.test_accuracy</c>, <c>energy_kwh.grid</c>): a
/// number, a text, a true/false, or null. Registry and parquet columns are built from these, so a field added to
/// summary.json becomes a column without code here.
/// </summary>
/// <remarks><see cref="IsInteger"/>: the JSON number was written without fraction or exponent (seed, rounds, bytes).</remarks>
internal sealed record SummaryField(string Name, double? Number, string? Text, bool? Flag, bool IsInteger = false)
{
    /// <summary>The value as text, for tables and diffs: numbers round-trippable, null as "null".</summary>
    public string Display => Number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Text ?? (Flag is { } f ? (f ? "true" : "false") : "null");
}
