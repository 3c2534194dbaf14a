using Verdant.Cluster.Contracts;
using Verdant.Cluster.Grains;
using Verdant.Cluster.Hosting;
using Verdant.Core.Consensus;

namespace Verdant.Cluster.Tests.Grains;

public sealed class GrainTrainerTests
{
    [Fact]
    public void RunRound_UnitBackAfterFailing_CatchesUpFromLiveNeighboursThenTrains()
    {
        // A path 0 - 1 - 2 - 3: unit 2 fails in round 1 and answers again in round 2.
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(4);
        using var trainer = new GrainTrainer(i => nodes[i], 4, 2, 8, gradients: false, firstRound: 0);

        trainer.RunRound(all, mixing);
        nodes[2].Down = true;
        trainer.RunRound(all, mixing);
        nodes[2].Down = false;
        nodes[3].Down = true;
        trainer.RunRound(all, mixing);

        // Unit 3 fails as unit 2 comes back: unit 2 catches up from unit 1 alone, then trains.
        Assert.Equal([3], trainer.LastDropped);
        Assert.Equal([(2, 2, 1)], trainer.Rejoins);
        Assert.Equal([[1f, 10f]], nodes[2].CaughtUpFrom);
        Assert.Equal([0, 2], nodes[2].Trained);
        Assert.Empty(nodes[1].CaughtUpFrom);
    }

    [Fact]
    public void RunRound_GradientsWithAUnitDown_MeanOfTheRepliesThatCame()
    {
        // Units 0-5 send g = (unit, 1); unit 2 is down, so the mean is that of five replies: (13 / 5, 1).
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(6);
        using var trainer = new GrainTrainer(i => nodes[i], 6, 2, 8, gradients: true, firstRound: 0);
        nodes[2].Down = true;

        trainer.RunRound(all, mixing);

        Assert.Equal(5, trainer.LastGradientStatistics.Nodes);
        Assert.Equal((2.6 * 2.6) + 1, trainer.LastGradientStatistics.SquaredNormOfMean, 1e-5);
    }

    [Fact]
    public void RunRound_RepliesWithoutGradientsAfterARoundWithThem_NoStaleMean()
    {
        // Replies cached by units for a coordinator that did not ask for gradients carry none.
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(4);
        using var trainer = new GrainTrainer(i => nodes[i], 4, 2, 8, gradients: true, firstRound: 0);
        trainer.RunRound(all, mixing);
        Array.ForEach(nodes, n => n.SendsGradient = false);

        trainer.RunRound(all, mixing);

        Assert.Equal(GradientStatistics.None, trainer.LastGradientStatistics);
    }

    [Fact]
    public void RunRound_SomeRepliesWithoutGradients_NodesCountsTheGradientsInTheMean()
    {
        // Units 0 and 1 answer with replies cached for a coordinator that did not ask for gradients; units 2 and 3 send
        // g = (unit, 1). The mean is over those two, (2.5, 1), and the statistics must say it is a mean of two.
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(4);
        using var trainer = new GrainTrainer(i => nodes[i], 4, 2, 8, gradients: true, firstRound: 0);
        nodes[0].SendsGradient = false;
        nodes[1].SendsGradient = false;

        trainer.RunRound(all, mixing);

        Assert.Equal(2, trainer.LastGradientStatistics.Nodes);
        Assert.Equal((2.5 * 2.5) + 1, trainer.LastGradientStatistics.SquaredNormOfMean, 1e-6);
    }

    [Fact]
    public void RunRound_NoUnitTrains_RecordsNoStatisticsInsteadOfTheLastRounds()
    {
        // The simulation observes the statistics every round: a round without training must not repeat the last one's.
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(4);
        using var trainer = new GrainTrainer(i => nodes[i], 4, 2, 8, gradients: true, firstRound: 0);
        trainer.RunRound(all, mixing);
        bool[] none = [false, false, false, false];
        mixing.Rebuild(none);

        float loss = trainer.RunRound(none, mixing);

        Assert.True(float.IsNaN(loss));
        Assert.Equal(GradientStatistics.None, trainer.LastGradientStatistics);
    }

    [Fact]
    public void RunRound_RepliesWithGradientsToACoordinatorWithout_AreLeftOut()
    {
        // Replies cached by units for a coordinator that asked for gradients carry them.
        (FakeNode[] nodes, MixingMatrix mixing, bool[] all) = Path(4, sendsGradient: true);
        using var trainer = new GrainTrainer(i => nodes[i], 4, 2, 8, gradients: false, firstRound: 0);

        trainer.RunRound(all, mixing);

        Assert.Equal(GradientStatistics.None, trainer.LastGradientStatistics);
    }

    // A path 0 - 1 - ... - n-1 of fake units, all active, and its matrix rebuilt for them.
    private static (FakeNode[] Nodes, MixingMatrix Mixing, bool[] All) Path(int n, bool? sendsGradient = null)
    {
        FakeNode[] nodes = [.. Enumerable.Range(0, n).Select(i => new FakeNode(i) { SendsGradient = sendsGradient })];
        var mixing = new MixingMatrix(new Graph(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1))));
        bool[] all = [.. Enumerable.Repeat(true, n)];
        mixing.Rebuild(all);
        return (nodes, mixing, all);
    }

    private sealed class FakeNode(int unit) : INodeGrain
    {
        public bool Down { get; set; }

        /// <summary>Whether replies carry g = (unit, 1); null: when the plan asks for it.</summary>
        public bool? SendsGradient { get; set; }

        public List<int> Trained { get; } = [];

        public List<float[]> CaughtUpFrom { get; } = [];

        public Task<TrainReply> Train(RoundPlan plan)
        {
            if (Down)
            {
                return Task.FromException<TrainReply>(new SiteUnavailableException($"unit {unit} is down"));
            }

            Trained.Add(plan.Round);
            FloatBlock? gradient = SendsGradient ?? plan.ReturnGradient ? new FloatBlock([unit, 1f]) : null;
            return Task.FromResult(new TrainReply(plan.Round, 1f, 0f, gradient, 0, 1, double.NaN));
        }

        public Task<int[]> Mix(MixPlan plan) => Down ? Task.FromException<int[]>(new SiteUnavailableException()) : Task.FromResult<int[]>([]);

        public Task Deliver(ParameterMessage message) => Task.CompletedTask;

        public Task CatchUp(FloatBlock[] rows)
        {
            if (Down)
            {
                return Task.FromException(new SiteUnavailableException());
            }

            CaughtUpFrom.AddRange(rows.Select(r => r.Values));
            return Task.CompletedTask;
        }

        public Task<FloatBlock> GetParameters() =>
            Down ? Task.FromException<FloatBlock>(new SiteUnavailableException()) : Task.FromResult(new FloatBlock([unit, 10f * unit]));

        public Task<NodeCounters> GetCounters() => Task.FromResult(new NodeCounters(0, 0, -1));

        public Task<CheckpointInfo> GetCheckpointInfo() => Task.FromResult(new CheckpointInfo(-1, 0, 0, 0));
    }
}
