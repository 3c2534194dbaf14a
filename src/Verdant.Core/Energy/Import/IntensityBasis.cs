namespace Verdant.Core.Energy.Import;

/// <summary>Which emissions a carbon intensity counts: combustion only (direct) or the whole life cycle.</summary>
public enum IntensityBasis
{
    /// <summary>Not an intensity, or the source does not say.</summary>
    Unknown,

    /// <summary>Direct (operational, combustion) emissions only.</summary>
    Direct,

    /// <summary>Life-cycle emissions (construction, fuel chain and operation), as in IPCC SRREN factors.</summary>
    LifeCycle,
}
