namespace Verdant.Core.Policies;

/// <summary>A policy's decision: one flag per unit (true = trains this epoch) and a short human-readable reason.</summary>
public sealed record Allocation(bool[] Active, string Reason)
{
    /// <summary>Number of active units.</summary>
    public int ActiveCount => Active.Count(a => a);
}
