namespace Verdant.Core.Simulation;

/// <summary>
/// The round loop's durable memory, for a coordinator that must survive a restart (event sourcing): the loop reports each
/// finished round, and while a restarted run replays its recorded rounds the journal hands back the evaluations that
/// were made then, since the parameters they read are gone. Policy, topology, ledger and every seeded draw are rebuilt
/// by running the same loop again; only what came from training and evaluation is read back.
/// </summary>
public interface IRunJournal
{
    /// <summary>The evaluation recorded after round <paramref name="round"/> while it is being replayed; null when the round runs live.</summary>
    EvaluationScores? ReplayedEvaluation(int round);

    /// <summary>Round <see cref="RoundJournalEntry.Round"/> is done (live: persist it; replayed: check it against the record).</summary>
    void RoundCompleted(RoundJournalEntry entry);
}
