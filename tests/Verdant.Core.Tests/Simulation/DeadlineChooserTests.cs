using Verdant.Core.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class DeadlineChooserTests
{
    [Fact]
    public void Choose_UnobservedUnit_WaitsForAll()
    {
        var chooser = new DeadlineChooser(3);
        chooser.Observe(0, 10);
        chooser.Observe(1, 10);

        Assert.Equal(double.PositiveInfinity, chooser.Choose([true, true, true], 32, 1000));
    }

    [Fact]
    public void Choose_OneFarStraggler_LeavesItOut()
    {
        // Nine units finish in 10 s, one in 100 s: waiting 10x longer for a tenth more batch never pays.
        var chooser = new DeadlineChooser(10);
        for (int i = 0; i < 9; i++)
        {
            chooser.Observe(i, 10);
        }

        chooser.Observe(9, 100);

        Assert.Equal(10, chooser.Choose(Enumerable.Repeat(true, 10).ToArray(), 32, 320));
    }

    [Fact]
    public void Choose_LargeNoiseScaleAndSlightlySlowerUnit_WaitsForIt()
    {
        // With B >> k b, progress is nearly linear in k: 11 s for 2 units beats 10 s for 1.
        var chooser = new DeadlineChooser(2);
        chooser.Observe(0, 10);
        chooser.Observe(1, 11);

        Assert.Equal(11, chooser.Choose([true, true], 32, 1e6));
    }

    [Fact]
    public void Choose_SmallNoiseScale_DoesNotWaitForMarginalUnit()
    {
        // With B << b one unit already makes almost full progress: the extra unit is not worth 10 % more time.
        var chooser = new DeadlineChooser(2);
        chooser.Observe(0, 10);
        chooser.Observe(1, 11);

        Assert.Equal(10, chooser.Choose([true, true], 32, 1));
    }
}
