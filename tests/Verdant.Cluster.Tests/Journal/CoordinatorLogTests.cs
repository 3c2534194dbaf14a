using Verdant.Cluster.Journal;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Tests.Journal;

public sealed class CoordinatorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verdant-log-").FullName;

    private string LogPath => Path.Combine(_dir, CoordinatorLog.FileName);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Resume_AfterAppends_ReadsBackEveryRoundExactly()
    {
        CoordinatorLogHeader header = Header();
        LoggedRound[] rounds = [Round(0), Round(1) with { Evaluation = new EvaluationScores(0.5, 1.25, 0.125, double.NaN) }];
        using (CoordinatorLog log = CoordinatorLog.Create(LogPath, header))
        {
            Array.ForEach(rounds, log.Append);
        }

        using CoordinatorLog resumed = CoordinatorLog.Resume(LogPath, header);

        Assert.Equal(header, resumed.Header);
        Assert.Equal(rounds.Select(CoordinatorLog.ToJson), resumed.Rounds.Select(CoordinatorLog.ToJson));
        Assert.Equal(1.0f / 3, resumed.Rounds[1].NodeLosses[1]);
        Assert.Equal(CoordinatorLogState.Unfinished, CoordinatorLog.StateOf(LogPath));
    }

    [Fact]
    public void Resume_TornLastLine_DropsItAndAppendsAfterTheLastWholeRound()
    {
        using (CoordinatorLog log = CoordinatorLog.Create(LogPath, Header()))
        {
            log.Append(Round(0));
        }

        File.AppendAllText(LogPath, "{\"kind\":\"round\",\"round\":{\"round\":1,\"lo");
        using (CoordinatorLog resumed = CoordinatorLog.Resume(LogPath, Header()))
        {
            Assert.Single(resumed.Rounds);
            resumed.Append(Round(1));
        }

        using CoordinatorLog again = CoordinatorLog.Resume(LogPath, Header());
        Assert.Equal([0, 1], again.Rounds.Select(r => r.Round));
    }

    [Fact]
    public void Resume_OtherSeedAndPolicy_ThrowsNamingBoth()
    {
        CoordinatorLog.Create(LogPath, Header()).Dispose();
        CoordinatorLogHeader other = Header() with { Seed = 4, Policy = "greenest-k", Run = "another-name" };

        var ex = Assert.Throws<CoordinatorLogException>(() => CoordinatorLog.Resume(LogPath, other));

        Assert.True(ex.IsMismatch);
        Assert.Equal($"{LogPath}: the log is of another run: policy is all in the log, greenest-k now; seed is 3 in the log, 4 now", ex.Message);
    }

    [Fact]
    public void Resume_FinishedRun_Throws()
    {
        using (CoordinatorLog log = CoordinatorLog.Create(LogPath, Header()))
        {
            log.Finish();
        }

        var ex = Assert.Throws<CoordinatorLogException>(() => CoordinatorLog.Resume(LogPath, Header()));

        Assert.Equal($"{LogPath}: the run r finished; nothing to resume", ex.Message);
        Assert.Equal(CoordinatorLogState.Finished, CoordinatorLog.StateOf(LogPath));
    }

    [Fact]
    public void Resume_RoundsOutOfOrder_ThrowsNamingTheLine()
    {
        using (CoordinatorLog log = CoordinatorLog.Create(LogPath, Header()))
        {
            log.Append(Round(0));
            log.Append(Round(2));
        }

        var ex = Assert.Throws<CoordinatorLogException>(() => CoordinatorLog.Resume(LogPath, Header()));

        Assert.Equal($"{LogPath}: line 3: expected the record of round 1", ex.Message);
    }

    private static CoordinatorLogHeader Header() => CoordinatorLogHeader.For(ClusterScenarios.Small("all"), "r", null);

    private static LoggedRound Round(int round) => new(round, 0.75f, [0.5f, 1.0f / 3], [0.25, double.NaN],
        new LoggedGradient(2, 16, 1.5, 0.5, double.NaN), [], null,
        new RoundRecord(round, DateTimeOffset.UnixEpoch, 12.5, 2, 2, 0.75, double.NaN, double.NaN, 0.1, 0.2, 0.3, 0.4, 0, 0.2, 33, 100),
        [new DecisionRecord(DateTimeOffset.UnixEpoch, round, 2, 1, 0.5, double.NaN, "why") { ActiveUnitsBySite = [2, 0, 0] }],
        new EnergyTotals(1, 0.5, 0, 0.5, 0.6, 0.2, 0.2, 0, 0.03));
}
