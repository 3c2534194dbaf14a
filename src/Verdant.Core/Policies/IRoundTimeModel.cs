namespace Verdant.Core.Policies;

/// <summary>
/// How long a synchronous round of a given set of active units lasts (s), by the simulation's own model: the topology
/// rebuilt over those units, each unit's compute plus its communication, the slowest unit setting the pace. Every policy
/// that weighs an allocation's speed asks this one model.
/// </summary>
public interface IRoundTimeModel
{
    /// <summary>Seconds one round of the units flagged in <paramref name="active"/> takes (0 when none is active).</summary>
    double RoundSeconds(ReadOnlySpan<bool> active);

    /// <summary>
    /// An empty set of <paramref name="unitCount"/> units that units join and leave one at a time, whose
    /// <see cref="IRoundTimeSet.Seconds"/> equals <see cref="RoundSeconds"/> of its members, bit for bit. This default
    /// asks <see cref="RoundSeconds"/> at every reading; a model that can do better overrides it.
    /// </summary>
    IRoundTimeSet OpenSet(int unitCount) => new MaskRoundTimeSet(this, unitCount);
}
