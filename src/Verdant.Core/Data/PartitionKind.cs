namespace Verdant.Core.Data;

/// <summary>How training examples are split over nodes.</summary>
public enum PartitionKind
{
    /// <summary>Uniformly shuffled, equal shares.</summary>
    Iid,

    /// <summary>Label skew: each class split over nodes by Dirichlet(alpha) proportions (Hsu et al., 2019).</summary>
    Dirichlet,

    /// <summary>Sorted by label, cut into shards, each node gets k shards (McMahan et al., 2017).</summary>
    Shards,
}
