namespace Verdant.Core.Policies;

/// <summary>
/// A set of units grown or shrunk one unit at a time, with the seconds a round of its members lasts
/// (<see cref="IRoundTimeModel.RoundSeconds"/>): what a policy needs to size an allocation along a ranking without
/// rebuilding the round for every candidate.
/// </summary>
public interface IRoundTimeSet
{
    /// <summary>Members.</summary>
    int Count { get; }

    /// <summary>Adds <paramref name="unit"/> (already a member: no change).</summary>
    void Add(int unit);

    /// <summary>Removes <paramref name="unit"/> (not a member: no change).</summary>
    void Remove(int unit);

    /// <summary>Seconds a round of the members lasts (0 when empty).</summary>
    double Seconds();
}
