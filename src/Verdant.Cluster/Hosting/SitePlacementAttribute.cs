using Orleans.Placement;

namespace Verdant.Cluster.Hosting;

/// <summary>Marks a grain whose key is a <see cref="Contracts.NodeKey"/> for <see cref="SitePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SitePlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public SitePlacementAttribute() : base(new SitePlacement())
    {
    }
}
