using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public sealed class PlannerSlotsTests
{
    /// <summary>A round lasts 100 s while only units 0-2 train and 500 s once any other unit joins.</summary>
    private sealed class SlowSiteRoundTime : IRoundTimeModel
    {
        public double RoundSeconds(ReadOnlySpan<bool> active)
        {
            if (!active.Contains(true))
            {
                return 0;
            }

            return active[3..].Contains(true) ? 500 : 100;
        }
    }

    [Fact]
    public void Build_SlowSiteOnlyInLargerAllocations_ThroughputProfileByCount()
    {
        PolicyContext c = PolicyFixtures.Context([3, 3], [1600, 0], [300, 900]);
        var context = new PolicyContext(c.NowUtc, c.Epoch, c.Sites, c.Units, c.Forecast, c.Progress, c.Random)
        {
            DeadlineUtc = c.NowUtc.AddHours(10),
            RoundTime = new SlowSiteRoundTime(),
        };

        PlannerSlots slots = PlannerSlots.Build(context, 24);

        // The sunny site's three units come first in the ranking: a plan of up to three runs 36 rounds an hour, not
        // the fleet's slowest 7.2.
        Assert.Equal([0, 36, 36, 36, 7.2, 7.2, 7.2], slots.RoundsPerHourByCount.Select(r => Math.Round(r, 9)));
    }
}
