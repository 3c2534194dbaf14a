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

    [Fact]
    public void Choose_RandomHistories_SameDeadlineAsUnitByUnitEvaluation()
    {
        var random = new Random(23);
        for (int trial = 0; trial < 200; trial++)
        {
            int units = random.Next(1, 30);
            var chooser = new DeadlineChooser(units);
            var history = new List<double>[units];
            for (int i = 0; i < units; i++)
            {
                history[i] = [];
                int observations = random.Next(1, 40);
                for (int o = 0; o < observations; o++)
                {
                    // Whole seconds: equal finish times (ties) across and within units are common.
                    double finish = random.Next(5, 15);
                    chooser.Observe(i, finish);
                    history[i].Add(finish);
                }
            }

            bool[] active = [.. Enumerable.Range(0, units).Select(_ => random.NextDouble() < 0.8)];
            double noise = Math.Pow(10, random.Next(1, 6));

            Assert.Equal(Reference(history, active, 32, noise), chooser.Choose(active, 32, noise));
        }
    }

    // The rule as first written: every candidate deadline evaluated unit by unit over each unit's last Window samples.
    private static double Reference(List<double>[] history, bool[] active, int batch, double noise)
    {
        double[][] windows = [.. history.Select(h => h.Skip(Math.Max(0, h.Count - DeadlineChooser.Window)).ToArray())];
        double best = double.PositiveInfinity, bestRate = double.NegativeInfinity;
        foreach (double d in windows.Where((_, i) => active[i]).SelectMany(w => w))
        {
            double k = 0;
            for (int i = 0; i < windows.Length; i++)
            {
                k += active[i] ? (double)windows[i].Count(s => s <= d) / windows[i].Length : 0;
            }

            double rate = Verdant.Core.Policies.ProgressModel.RoundProgress(k, batch, noise) / d;
            if (rate > bestRate || (rate == bestRate && d > best))
            {
                (bestRate, best) = (rate, d);
            }
        }

        return best;
    }
}
