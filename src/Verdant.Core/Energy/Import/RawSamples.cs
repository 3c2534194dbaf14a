namespace Verdant.Core.Energy.Import;

/// <summary>Samples as read, in canonical units: strictly increasing UTC ticks, values, and the line each came from.</summary>
/// <remarks>Sample i holds from Ticks[i] until the next sample; the last one for one native step.</remarks>
internal sealed record RawSamples(long[] Ticks, double[] Values, int[] Lines);
