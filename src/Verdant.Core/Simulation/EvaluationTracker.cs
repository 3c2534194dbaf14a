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
    private readonly Network _model;
    private readonly Dataset _validation;
    private readonly Dataset _test;
    private readonly ModelWorkspace _workspace;
    private readonly float[] _average;
    private readonly bool[] _participants;
    private readonly List<ProgressPoint> _history = [];
    private readonly double? _target;
    private int _participantCount;

    /// <summary>Creates a tracker for <paramref name="nodes"/> nodes.</summary>
    public EvaluationTracker(Network model, Dataset validation, Dataset test, int nodes, double? targetAccuracy)
    {
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
        LastValidationAccuracy = validationAccuracy;
        _history.Add(new ProgressPoint(hours, rounds, nodeRounds, validationAccuracy, validationLoss));
        if (TimeToTargetHours is null && _target is { } target && validationAccuracy >= target)
        {
            TimeToTargetHours = hours;
        }

        return (validationAccuracy, validationLoss, testAccuracy, testLoss);
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

    /// <summary>Mean, minimum and 10th percentile (nearest rank) of the participants' own models' test accuracy.</summary>
    private LocalAccuracy LocalAccuracies(StackedMatrix parameters, bool[] members)
    {
        var accuracies = new List<double>();
        for (int i = 0; i < members.Length; i++)
        {
            if (members[i])
            {
                accuracies.Add(_model.Evaluate(parameters.ReadRow(i), _test, _workspace).Accuracy);
            }
        }

        accuracies.Sort();
        int rank = Math.Max(1, (int)Math.Ceiling(0.1 * accuracies.Count));
        return new LocalAccuracy(accuracies.Average(), accuracies[0], accuracies[rank - 1]);
    }

    // Before anyone trained every node holds the same initial model, so all of them stand for it.
    private bool[] Members() => _participantCount > 0 ? _participants : [.. Enumerable.Repeat(true, _participants.Length)];

    private void ParticipantMean(StackedMatrix parameters)
    {
        _ = Gossip.ConsensusDistance(parameters, _participantCount > 0 ? _participants : Members(), _average);
    }
}
