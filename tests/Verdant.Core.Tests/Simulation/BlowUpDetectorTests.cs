using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;
using Sim = Verdant.Core.Simulation.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class BlowUpDetectorTests
{
    [Fact]
    public void Observe_LossTenTimesFirstRound_ThrowsNamingRoundAndWorstNode()
    {
        var detector = new BlowUpDetector();
        detector.Observe(0, [2.3f, 2.3f, 2.3f], [true, true, true]);
        detector.Observe(1, [1.9f, 2.0f, 2.1f], [true, true, true]);

        var ex = Assert.Throws<DivergenceException>(() => detector.Observe(2, [5f, 1e9f, 24f], [true, false, true]));

        Assert.Equal(2, ex.Round);
        Assert.Equal(2, ex.Node);
        Assert.Equal("training diverged at round 2, node 2: training loss 24 is more than 10x the first round's 2.3", ex.Message);
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
        Assert.Contains("more than 10x the first round's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefaultLearningRate_DoesNotTrip()
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        using var simulation = new Sim(TestScenarios.Small("all"), train, test, new ManagedGemm(), workers: 2);

        Assert.Equal(40, simulation.Run().Rounds.Count);
    }
}
