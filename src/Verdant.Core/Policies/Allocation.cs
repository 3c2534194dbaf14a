namespace Verdant.Core.Policies;

/// <summary>A policy's decision: one flag per unit (true = trains this epoch) and a short human-readable reason.</summary>
public sealed record Allocation(bool[] Active, string Reason)
{
    /// <summary>
    /// The units may train on renewable excess only: in each round the simulation lets an active unit train only while
    /// its site's remaining renewable surplus covers its share of the round, never from the grid or a battery (FedZero).
    /// </summary>
    public bool ExcessOnly { get; init; }

    /// <summary>Number of active units.</summary>
    public int ActiveCount => Active.Count(a => a);
}
