namespace Verdant.Cli.Suite;

/// <summary>
/// One policy on one scenario of a suite (or over the whole suite): seeds that reached the target, carbon and time
/// relative to the reference policy on the same seed, and whether it dominates the recommended policy.
/// </summary>
/// <remarks>
/// Carbon ratio: carbon_policy / carbon_reference per seed (both as spent to reach the target, or until the run ended
/// when it missed). Time ratio: time to target over the seeds where both reached it. <see cref="DominatesRecommended"/>:
/// mean carbon and mean time over seeds both lower or equal to the recommended policy's, where a seed that missed the
/// target counts as infinite time; over the whole suite it is the number of scenarios where that held.
/// </remarks>
internal sealed record PolicyVerdict(
    string Policy,
    int Seeds,
    int Reached,
    Ratio Carbon,
    Ratio Time,
    double MeanCarbonKg,
    double MeanTimeHours,
    int DominatesRecommended)
{
    /// <summary>Seeds (counted in <see cref="Seeds"/>, never in <see cref="Reached"/>) whose run blew up: no numbers, so out of every ratio and mean.</summary>
    public int Diverged { get; init; }
}
