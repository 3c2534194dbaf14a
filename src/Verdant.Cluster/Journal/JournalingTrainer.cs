using Verdant.Cluster.Contracts;
using Verdant.Cluster.Grains;
using Verdant.Cluster.Hosting;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Journal;

/// <summary>
/// The coordinator's trainer when its rounds are logged: it first replays the log's rounds (no grain is called; what
/// the units returned is read back) while the round loop rebuilds policy, topology, ledger and every seeded draw and
/// checks them against the log, then hands over to the live <see cref="GrainTrainer"/> and appends each new round.
/// </summary>
/// <remarks>
/// On hand-over the units' counters are reconciled with the log: no unit may be past the round after the last logged
/// one (R). A unit that already trained or mixed round R (the round in flight when the coordinator died) answers that
/// round again from what it did, without stepping twice (<see cref="NodeGrain"/>); if any unit had started round R, the
/// catch-ups decided before R had all been made, so they are not made again. A unit whose state is older than the last
/// round the log has it train (reactivated from an older checkpoint, or none) rejoins like a unit whose silo failed.
/// </remarks>
internal sealed class JournalingTrainer : IRoundTrainer, IRunJournal
{
    private readonly GrainTrainer _live;
    private readonly CoordinatorLog _log;
    private readonly Func<int, INodeGrain> _node;
    private readonly float[] _losses;
    private readonly double[] _squaredLosses;
    private readonly int[] _lastTrained;
    private int _ran;
    private bool _handedOver;
    private bool _skipCatchUps;
    private int _decisionsLogged;
    private float _lastLoss;

    public JournalingTrainer(GrainTrainer live, CoordinatorLog log, Func<int, INodeGrain> node)
    {
        _live = live;
        _log = log;
        _node = node;
        _losses = new float[live.NodeCount];
        _squaredLosses = new double[live.NodeCount];
        _lastTrained = new int[live.NodeCount];
        Array.Fill(_lastTrained, -1);
    }

    public int NodeCount => _live.NodeCount;

    public ReadOnlySpan<float> NodeLosses => _losses;

    public ReadOnlySpan<double> NodeSquaredLosses => _squaredLosses;

    public GradientStatistics LastGradientStatistics { get; private set; } = GradientStatistics.None;

    private bool Replaying => _ran < _log.Rounds.Count;

    public float RunRound(ReadOnlySpan<bool> active, MixingMatrix mixing)
    {
        if (Replaying)
        {
            LoggedRound logged = _log.Rounds[_ran++];
            if (logged.NodeLosses.Length != NodeCount || logged.NodeSquaredLosses.Length != NodeCount)
            {
                throw Diverged(logged.Round, $"the log holds {logged.NodeLosses.Length} units' losses for {NodeCount} units");
            }

            logged.NodeLosses.CopyTo(_losses, 0);
            logged.NodeSquaredLosses.CopyTo(_squaredLosses, 0);
            LastGradientStatistics = logged.Gradient.ToStatistics();
            MarkTrained(active, logged.Round, logged.Dropped);
            return logged.Loss;
        }

        HandOver();
        _skipCatchUps = false;
        _lastLoss = _live.RunRound(active, mixing);
        _live.NodeLosses.CopyTo(_losses);
        _live.NodeSquaredLosses.CopyTo(_squaredLosses);
        LastGradientStatistics = _live.LastGradientStatistics;
        MarkTrained(active, _ran++, _live.LastDropped);
        return _lastLoss;
    }

    public void CatchUp(int node, ReadOnlySpan<int> sources)
    {
        if (Replaying)
        {
            return;
        }

        HandOver();
        if (!_skipCatchUps)
        {
            _live.CatchUp(node, sources);
        }
    }

    public StackedMatrix ReadParameters()
    {
        if (Replaying)
        {
            throw new InvalidOperationException("the units' parameters of a replayed round are gone; its evaluation comes from the log");
        }

        HandOver();
        return _live.ReadParameters();
    }

    public EvaluationScores? ReplayedEvaluation(int round) => round < _log.Rounds.Count
        ? _log.Rounds[round].Evaluation ?? throw Diverged(round, "an evaluation is due after it but the log holds none")
        : null;

    public void RoundCompleted(RoundJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DecisionRecord[] decisions = [.. entry.Decisions.Skip(_decisionsLogged)];
        _decisionsLogged = entry.Decisions.Count;
        if (entry.Round < _log.Rounds.Count)
        {
            Verify(_log.Rounds[entry.Round], entry, decisions);
            return;
        }

        _log.Append(new LoggedRound(entry.Round, _lastLoss, [.. _losses], [.. _squaredLosses], LoggedGradient.Of(LastGradientStatistics),
            [.. _live.LastDropped], entry.Evaluation, entry.Record, decisions, entry.Ledger));
    }

    public void Dispose() => _live.Dispose();

    private void MarkTrained(ReadOnlySpan<bool> active, int round, IReadOnlyCollection<int> dropped)
    {
        for (int i = 0; i < active.Length; i++)
        {
            _lastTrained[i] = active[i] && !dropped.Contains(i) ? round : _lastTrained[i];
        }
    }

    private static void Verify(LoggedRound logged, RoundJournalEntry entry, DecisionRecord[] decisions)
    {
        Check(logged.Round, "round record", logged.Record, entry.Record);
        Check(logged.Round, "decisions", logged.Decisions, decisions);
        Check(logged.Round, "ledger totals", logged.Ledger, entry.Ledger);
    }

    private static void Check<T>(int round, string what, T logged, T rebuilt)
    {
        string was = CoordinatorLog.ToJson(logged), now = CoordinatorLog.ToJson(rebuilt);
        if (was != now)
        {
            throw Diverged(round, $"its {what} replayed as {now}, logged as {was}");
        }
    }

    private static CoordinatorLogException Diverged(int round, string what)
        => new($"the coordinator log does not replay: round {round}: {what}");

    // The first live call: the units must be where the log says, give or take the round that was in flight.
    private void HandOver()
    {
        if (_handedOver)
        {
            return;
        }

        _handedOver = true;
        int next = _log.Rounds.Count;
        _live.Restore(_losses, _squaredLosses);
        for (int i = 0; i < NodeCount; i++)
        {
            if (Counters(i) is not { } counters)
            {
                continue;
            }

            int furthest = Math.Max(counters.MixedRound, counters.TrainedRound);
            if (furthest > next)
            {
                throw new CoordinatorLogException($"{_log.FilePath}: unit {i} has reached round {furthest} but the log ends " +
                    $"before round {next}: the log is behind the cluster");
            }

            if (Math.Max(counters.MixedRound, counters.TrainedRound) < _lastTrained[i])
            {
                // Reactivated while the coordinator was down, from an older checkpoint or none: it rejoins like a unit
                // whose silo failed. From a checkpoint of the last round it trained it continues exactly.
                _live.MarkLost(i);
            }

            _skipCatchUps |= counters.TrainedRound == next && next > 0;
        }
    }

    // A unit whose site is down has no counters; it is dropped from rounds as usual.
    private NodeCounters? Counters(int unit)
    {
        try
        {
            return _node(unit).GetCounters().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is SiteUnavailableException or OrleansException or TimeoutException)
        {
            return null;
        }
    }
}
