using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using Microsoft.Extensions.Options;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Options;

namespace Verdant.Cluster.Hosting;

/// <summary>
/// Chooses, among live compatible silos, one whose metadata lists the grain's site (the local silo when it does, so a
/// unit activated by its own site stays there). No silo of the site means no activation: a unit never trains elsewhere.
/// </summary>
/// <remarks>
/// A silo's metadata reaches the others' caches a moment after it joins, so a site with no known silo is looked up
/// again for up to <see cref="VerdantClusterOptions.PlacementWait"/> before the activation is refused.
/// </remarks>
internal sealed class SitePlacementDirector(ISiloMetadataCache metadata, TimeProvider time, IOptions<VerdantClusterOptions> options)
    : IPlacementDirector
{
    private static readonly TimeSpan MetadataPoll = TimeSpan.FromMilliseconds(50);

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = target.GrainIdentity.Key.ToString() ?? "";
        (_, int unit, string site) = NodeKey.Parse(key);
        long started = time.GetTimestamp();
        SiloAddress[] matches;
        while ((matches = [.. context.GetCompatibleSilos(target).Where(s => Hosts(s, site))]).Length == 0)
        {
            if (time.GetElapsedTime(started) > options.Value.PlacementWait)
            {
                throw new SiteUnavailableException($"no live silo hosts site '{site}' (unit {key})");
            }

            await Task.Delay(MetadataPoll, time);
        }

        return Array.IndexOf(matches, context.LocalSilo) >= 0 ? context.LocalSilo : matches[unit % matches.Length];
    }

    private bool Hosts(SiloAddress silo, string site) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SitePlacement.MetadataKey, out string? sites)
        && sites.Split(',', StringSplitOptions.TrimEntries).Contains(site, StringComparer.Ordinal);
}
