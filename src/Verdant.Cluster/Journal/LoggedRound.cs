using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Journal;

/// <summary>
/// One round of a coordinator log. What the units returned (losses, gradient statistics, dropped units) and the
/// evaluation made after the round are what a replay reads back; the round's record, the decisions made since the
/// previous round and the ledger's totals are what a replay must rebuild exactly, checked line by line.
/// </summary>
/// <remarks>Per-node arrays hold every node's value after the round (a node not trained keeps its last one).</remarks>
public sealed record LoggedRound(int Round, float Loss, float[] NodeLosses, double[] NodeSquaredLosses, LoggedGradient Gradient,
    int[] Dropped, EvaluationScores? Evaluation, RoundRecord Record, DecisionRecord[] Decisions, EnergyTotals Ledger);
