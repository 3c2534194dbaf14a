namespace Verdant.Cluster.Hosting;

/// <summary>Places a unit's grain on a silo that hosts the unit's site, so that data never leaves its site.</summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class SitePlacement : PlacementStrategy
{
    /// <summary>The silo-metadata key whose value lists the sites a silo hosts, comma-separated.</summary>
    public const string MetadataKey = "verdant.sites";
}
