using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Simulation;

/// <summary>Steps an incremental round-time set and its graph-built reference together and compares them exactly.</summary>
internal static class RoundTimeSetAssert
{
    /// <summary>Adds (or removes) <paramref name="unit"/> in both sets, then asserts equal counts and bitwise-equal seconds.</summary>
    public static void StepAndCompare(IRoundTimeSet fast, IRoundTimeSet reference, int unit, bool join)
    {
        foreach (IRoundTimeSet set in new[] { fast, reference })
        {
            if (join)
            {
                set.Add(unit);
            }
            else
            {
                set.Remove(unit);
            }
        }

        Assert.Equal(reference.Count, fast.Count);
        Assert.Equal(reference.Seconds(), fast.Seconds());
    }
}
