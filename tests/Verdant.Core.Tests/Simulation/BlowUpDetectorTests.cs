using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;
using Sim = Verdant.Core.Simulation.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class BlowUpDetectorTests
{
    [Fact]
    public void Observe_LossTenTimesFirstRoundForFiveRounds_ThrowsNamingRoundAndWorstNode()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [2.3f, 2.3f, 2.3f], [true, true, true]);
        for (int round = 1; round < 5; round++)
        {
            detector.Observe(round, [5f, 1e9f, 24f], [true, false, true]);
        }

        var ex = Assert.Throws<DivergenceException>(() => detector.Observe(5, [5f, 1e9f, 24f], [true, false, true]));

        Assert.Equal(5, ex.Round);
        Assert.Equal(2, ex.Node);
        Assert.Equal("training diverged at round 5, node 2: training loss 24 is more than 10x the first round's 2.3 for 5 rounds in a row", ex.Message);
    }

    [Fact]
    public void Observe_SpikeThatRecovers_DoesNotThrow()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [2.3f, 2.3f], [true, true]);
        for (int round = 1; round < 40; round++)
        {
            // Four rounds above 10x, then one back below: the count starts again.
            float loss = round % 5 == 0 ? 1f : 39f;
            detector.Observe(round, [loss, 1f], [true, true]);
        }
    }

    [Fact]
    public void Observe_RoundsNotTrained_DoNotBreakTheRun()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [2.3f, 2.3f], [true, true]);
        for (int round = 1; round < 5; round++)
        {
            detector.Observe(round, [30f, 1f], [true, true]);
            detector.Observe(round, [1f, 1f], [false, true]);
        }

        Assert.Throws<DivergenceException>(() => detector.Observe(5, [30f, 1f], [true, true]));
    }

    [Fact]
    public void Observe_LossThousandTimesFirstRound_ThrowsAtOnce()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [2.3f, 2.3f], [true, true]);

        var ex = Assert.Throws<DivergenceException>(() => detector.Observe(1, [1f, 6e9f], [true, true]));

        Assert.Equal(1, ex.Node);
        Assert.Equal("training diverged at round 1, node 1: training loss 6E+09 is more than 1000x the first round's 2.3", ex.Message);
    }

    [Fact]
    public void Observe_SmallFirstLoss_ReferenceFlooredAtOne()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [0.01f, 0.02f], [true, true]);
        detector.Observe(1, [9.9f, 0.5f], [true, true]);

        Assert.Equal(1, detector.Reference);
    }

    [Fact]
    public void Run_HugeLearningRateAndMomentum_StopsWithDivergenceNamingRoundAndNode()
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        Scenario scenario = TestScenarios.Small("all") with { Training = new SgdOptions(100f, 16, 1, momentum: 0.99f) };
        using var simulation = new Sim(scenario, train, test, new ManagedGemm(), workers: 2);

        var ex = Assert.Throws<DivergenceException>(() => simulation.Run());

        Assert.InRange(ex.Round, 1, 39);
        Assert.InRange(ex.Node, 0, 7);
        Assert.Contains("x the first round's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefaultLearningRate_DoesNotTrip()
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        using var simulation = new Sim(TestScenarios.Small("all"), train, test, new ManagedGemm(), workers: 2);

        Assert.Equal(40, simulation.Run().Rounds.Count);
    }
}
