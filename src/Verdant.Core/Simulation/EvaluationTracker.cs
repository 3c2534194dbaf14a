using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// Evaluates the model a user would deploy, the average over the units that have participated (made at least one round),
/// and keeps the learning curve policies fit. Progress, stopping and the target read the validation set; the test set
/// is read only to report. Nodes that never trained hold the initial model and are left out of the average.
/// </summary>
public sealed class EvaluationTracker
{
    // The local-accuracy sample's own seed: fixed, so the sample depends only on who participated.
    private const int SampleSeed = 20260601;

    private readonly Network _model;
    private readonly Dataset _validation;
    private readonly Dataset _test;
    private readonly ModelWorkspace _workspace;
    private readonly float[] _average;
    private readonly bool[] _participants;
    private readonly List<ProgressPoint> _history = [];
    private readonly double? _target;
    private readonly int _workers;
    private int _participantCount;

    /// <summary>Creates a tracker for <paramref name="nodes"/> nodes; the closing local-model evaluations use <paramref name="workers"/> threads.</summary>
    public EvaluationTracker(Network model, Dataset validation, Dataset test, int nodes, double? targetAccuracy, int workers = 1)
    {
        _workers = Math.Max(1, workers);
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _validation = validation ?? throw new ArgumentNullException(nameof(validation));
        _test = test ?? throw new ArgumentNullException(nameof(test));
        _workspace = new ModelWorkspace(model.Spec, 1000);
        _average = new float[model.Spec.ParameterCount];
        _participants = new bool[nodes];
        _target = targetAccuracy;
    }

    /// <summary>Every evaluation so far (validation accuracy and loss), oldest first.</summary>
    public IReadOnlyList<ProgressPoint> History => _history;

    /// <summary>Last validation accuracy (NaN before the first evaluation).</summary>
    public double LastValidationAccuracy { get; private set; } = double.NaN;

    /// <summary>Hours to the first evaluation at or above the target on the validation set; null until then.</summary>
    public double? TimeToTargetHours { get; private set; }

    /// <summary>Units that have made at least one round so far.</summary>
    public int ParticipantCount => _participantCount;

    /// <summary>Which units have made at least one round so far (the members of the deployed average).</summary>
    public ReadOnlySpan<bool> Participants => _participants;

    /// <summary>Marks the units whose work counted this round as participants.</summary>
    public void RecordRound(ReadOnlySpan<bool> onTime)
    {
        for (int i = 0; i < onTime.Length; i++)
        {
            if (onTime[i] && !_participants[i])
            {
                _participants[i] = true;
                _participantCount++;
            }
        }
    }

    /// <summary>Evaluates the participants' average on both sets; records the validation point and checks the target.</summary>
    public (double ValidationAccuracy, double ValidationLoss, double TestAccuracy, double TestLoss) Evaluate(
        StackedMatrix parameters, double hours, int rounds, long nodeRounds)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ParticipantMean(parameters);
        (double validationLoss, double validationAccuracy) = _model.Evaluate(_average, _validation, _workspace);
        (double testLoss, double testAccuracy) = _model.Evaluate(_average, _test, _workspace);
        return Replay(new EvaluationScores(validationAccuracy, validationLoss, testAccuracy, testLoss), hours, rounds, nodeRounds);
    }

    /// <summary>Records an evaluation made earlier (a resumed run replaying its journal) exactly as <see cref="Evaluate"/> recorded it.</summary>
    public (double ValidationAccuracy, double ValidationLoss, double TestAccuracy, double TestLoss) Replay(
        EvaluationScores scores, double hours, int rounds, long nodeRounds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        LastValidationAccuracy = scores.ValidationAccuracy;
        _history.Add(new ProgressPoint(hours, rounds, nodeRounds, scores.ValidationAccuracy, scores.ValidationLoss));
        if (TimeToTargetHours is null && _target is { } target && scores.ValidationAccuracy >= target)
        {
            TimeToTargetHours = hours;
        }

        return (scores.ValidationAccuracy, scores.ValidationLoss, scores.TestAccuracy, scores.TestLoss);
    }

    /// <summary>The run's closing numbers: the deployed model on both sets, the spread of the local models and consensus distances.</summary>
    public FinalMetrics Finish(StackedMatrix parameters, ReadOnlySpan<bool> lastActive, double hours, int rounds, long nodeRounds)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        (double validationAccuracy, _, double testAccuracy, double testLoss) = Evaluate(parameters, hours, rounds, nodeRounds);
        bool[] members = Members();
        var scratch = new float[parameters.Cols];
        double participants = Gossip.ConsensusDistance(parameters, members, scratch);
        double active = lastActive.Contains(true) ? Gossip.ConsensusDistance(parameters, lastActive, scratch) : 0;
        double all = Gossip.ConsensusDistance(parameters, Enumerable.Repeat(true, parameters.Rows).ToArray(), scratch);
        return new FinalMetrics(testAccuracy, testLoss, participants)
        {
            ValidationAccuracy = validationAccuracy,
            Participants = _participantCount,
            LocalAccuracy = LocalAccuracies(parameters, members),
            ConsensusDistanceActive = active,
            ConsensusDistanceAll = all,
        };
    }

    /// <summary>
    /// Mean, minimum and 10th percentile (nearest rank) of the participants' own models' test accuracy; from a sample
    /// above <see cref="LocalAccuracy.ExactLimit"/> participants (each model costs a pass over the test set).
    /// </summary>
    private LocalAccuracy LocalAccuracies(StackedMatrix parameters, bool[] members)
    {
        List<int> evaluated = [.. Enumerable.Range(0, members.Length).Where(i => members[i])];
        bool sampled = evaluated.Count > LocalAccuracy.ExactLimit;
        if (sampled)
        {
            evaluated = SampleOf(evaluated, LocalAccuracy.ExactLimit);
        }

        // Each local model is evaluated on its own, so threads (each with its own workspace) change no number.
        var accuracies = new double[evaluated.Count];
        Parallel.For(0, evaluated.Count, new ParallelOptions { MaxDegreeOfParallelism = _workers },
            () => new ModelWorkspace(_model.Spec, _workspace.BatchSize),
            (k, _, workspace) =>
            {
                accuracies[k] = _model.Evaluate(parameters.ReadRow(evaluated[k]), _test, workspace).Accuracy;
                return workspace;
            },
            _ => { });
        Array.Sort(accuracies);
        int rank = Math.Max(1, (int)Math.Ceiling(0.1 * accuracies.Length));
        return new LocalAccuracy(accuracies.Average(), accuracies[0], accuracies[rank - 1])
        {
            Evaluated = accuracies.Length,
            Sampled = sampled,
        };
    }

    // A uniform sample without replacement (partial Fisher-Yates), from its own fixed generator so that no scenario
    // stream moves; returned in index order.
    private static List<int> SampleOf(List<int> items, int count)
    {
        var random = new Random(SampleSeed);
        for (int k = 0; k < count; k++)
        {
            int pick = random.Next(k, items.Count);
            (items[k], items[pick]) = (items[pick], items[k]);
        }

        List<int> sample = items.GetRange(0, count);
        sample.Sort();
        return sample;
    }

    // Before anyone trained every node holds the same initial model, so all of them stand for it.
    private bool[] Members() => _participantCount > 0 ? _participants : [.. Enumerable.Repeat(true, _participants.Length)];

    private void ParticipantMean(StackedMatrix parameters)
    {
        // The mean alone: O(participants x P) once per evaluation, against O(active x P x (degree + 1)) for every round.
        _ = Gossip.ActiveMean(parameters, _participantCount > 0 ? _participants : Members(), _average);
    }
}
