namespace Verdant.Core.Energy;

/// <summary>Sky condition for one hour of the cloud process.</summary>
public enum CloudState
{
    /// <summary>0-2 oktas.</summary>
    Clear,

    /// <summary>3-6 oktas.</summary>
    Partly,

    /// <summary>7-8 oktas.</summary>
    Overcast,
}
