namespace Verdant.Core.Energy.Import;

/// <summary>One CSV record and the 1-based line it starts on (the header is line 1).</summary>
internal sealed record CsvRow(int Line, string[] Fields);
