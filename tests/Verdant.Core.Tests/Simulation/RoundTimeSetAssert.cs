using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Simulation;

/// <summary>Drives an incremental round-time set and its graph-built reference the same way, for exact comparison.</summary>
internal static class RoundTimeSetAssert
{
    /// <summary>Seconds after each unit of <paramref name="order"/> joins <paramref name="set"/> (index k: the first k; index 0: 0).</summary>
    public static double[] Prefix(IRoundTimeSet set, int[] order)
    {
        var seconds = new double[order.Length + 1];
        for (int k = 1; k <= order.Length; k++)
        {
            set.Add(order[k - 1]);
            seconds[k] = set.Seconds();
        }

        return seconds;
    }

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
