using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// What the round loop knows once round <paramref name="Round"/> is done: its record, the evaluation made after it (null
/// when none was due), every decision so far and the ledger's totals. A journal persists what it needs to replay the
/// round and keeps the rest to check a replay against.
/// </summary>
public sealed record RoundJournalEntry(int Round, RoundRecord Record, EvaluationScores? Evaluation,
    IReadOnlyList<DecisionRecord> Decisions, EnergyTotals Ledger);
