using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;
using Sim = Verdant.Core.Simulation.Simulation;

namespace Verdant.Core.Tests.Simulation;

public class SimulationJournalTests
{
    [Fact]
    public void Run_WithJournal_ReportsEveryRoundOnceWithItsEvaluation()
    {
        var journal = new FakeJournal(replayBefore: 0);

        SimulationResult result = Run(TestScenarios.Small("random-k"), journal);

        Assert.Equal(Enumerable.Range(0, result.Rounds.Count), journal.Entries.Select(e => e.Round));
        Assert.Equal(result.Rounds.Select(r => double.IsFinite(r.TestAccuracy)), journal.Entries.Select(e => e.Evaluation is not null));
        Assert.Equal(result.Rounds.Select(r => r.TestAccuracy).Where(double.IsFinite), journal.Entries.Where(e => e.Evaluation is not null)
            .Select(e => e.Evaluation!.TestAccuracy));
        // The last record also takes the closing charges; every other one is reported as it ends up.
        Assert.Equal(result.Rounds.SkipLast(1), journal.Entries.SkipLast(1).Select(e => e.Record));
        Assert.Equal(result.Decisions.Count, journal.Entries[^1].Decisions.Count);
    }

    [Fact]
    public void Run_ReplayingRounds_TakesTheirEvaluationsFromTheJournal()
    {
        var journal = new FakeJournal(replayBefore: 20);

        SimulationResult result = Run(TestScenarios.Small("all"), journal);

        RoundRecord[] evaluated = [.. result.Rounds.Where(r => double.IsFinite(r.TestAccuracy))];
        Assert.Contains(evaluated, r => r.Round < 20);
        Assert.Contains(evaluated, r => r.Round >= 20);
        Assert.All(evaluated, r => Assert.Equal(r.Round < 20, r.TestAccuracy == FakeJournal.Replayed.TestAccuracy));
        Assert.All(evaluated.Where(r => r.Round < 20), r => Assert.Equal(FakeJournal.Replayed.ValidationAccuracy, r.ValidationAccuracy));
    }

    private static SimulationResult Run(Scenario scenario, IRunJournal journal)
    {
        (Dataset train, Dataset test) = TestScenarios.Data();
        using var simulation = new Sim(scenario, train, test, new ManagedGemm(), workers: 1) { Journal = journal };
        return simulation.Run();
    }

    private sealed class FakeJournal(int replayBefore) : IRunJournal
    {
        public static readonly EvaluationScores Replayed = new(0.375, 2.5, 0.125, 3.5);

        public List<RoundJournalEntry> Entries { get; } = [];

        public EvaluationScores? ReplayedEvaluation(int round) => round < replayBefore ? Replayed : null;

        public void RoundCompleted(RoundJournalEntry entry) => Entries.Add(entry with { Decisions = [.. entry.Decisions] });
    }
}
