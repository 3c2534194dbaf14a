using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

public sealed partial class Simulation
{
    private void RunRound(int round)
    {
        double deadline = _scenario.Deadline == RoundDeadline.Auto
            ? _deadlines.Choose(_training, _scenario.Training.BatchSize, _noiseScale.Estimate)
            : double.PositiveInfinity;
        _cost.Compute(_training, _graph, _computeS, _startDelayS, deadline, _onTime);
        if (_scenario.Deadline == RoundDeadline.Auto || _excessOnly)
        {
            // Late units' work is discarded: they keep their parameters, and the weights are rebuilt for those who made it.
            _mixing.Rebuild(_onTime);
        }

        float loss = _sgd.RunRound(_onTime, _mixing);
        _lastLoss = loss;
        _blowUp.Observe(round, _sgd.NodeLosses, _onTime);
        _noiseScale.Observe(_sgd.LastGradientStatistics);
        int active = 0;
        for (int i = 0; i < _training.Length; i++)
        {
            if (_training[i])
            {
                _deadlines.Observe(i, _cost.FinishS[i]);
                active++;
            }
        }

        DateTimeOffset start = _now;
        Meter?.AfterRound(start, _cost, _training);
        RoundEnergy energy = _accounts.ChargeRound(start, _cost, _active, _training);
        _now += TimeSpan.FromSeconds(_cost.DurationS);
        _bytes += _cost.BytesSent;
        _nodeRounds += active;
        _evaluation.RecordRound(_onTime);
        (double validation, double accuracy, double testLoss) = (double.NaN, double.NaN, double.NaN);
        EvaluationScores? scores = null;
        if (_nodeRounds >= _nextEvaluationNodeRounds)
        {
            double hours = (_now - _scenario.StartUtc).TotalHours;
            (validation, double validationLoss, accuracy, testLoss) = Journal?.ReplayedEvaluation(round) is { } replayed
                ? _evaluation.Replay(replayed, hours, round + 1, _nodeRounds)
                : _evaluation.Evaluate(_sgd.ReadParameters(), hours, round + 1, _nodeRounds);
            scores = new EvaluationScores(validation, validationLoss, accuracy, testLoss);
            long every = _scenario.EvaluateEveryNodeRounds;
            _nextEvaluationNodeRounds = ((_nodeRounds / every) + 1) * every;
            _bytes += _accounts.ChargeGather(_now, _evaluation.Participants, ref energy);
            _gatheredAtNodeRounds = _nodeRounds;
        }

        _rounds.Add(new RoundRecord(round, start, _cost.DurationS, active, _cost.OnTimeCount, loss, accuracy, testLoss,
            energy.ComputeKwh, energy.IdleKwh, energy.NetworkKwh, energy.RenewableKwh, energy.BatteryKwh, energy.GridKwh,
            energy.CarbonG, energy.BytesSent) { ValidationAccuracy = validation, WakeKwh = energy.WakeKwh });
        Journal?.RoundCompleted(new RoundJournalEntry(round, _rounds[^1], scores, _decisions, _accounts.Ledger.Totals));
    }

    /// <summary>
    /// The units that train this round: the active ones, or, for an excess-only allocation (FedZero), those whose site's
    /// remaining renewable surplus, now and at the round's expected end, covers their compute and idle-wait energy for
    /// the round (in unit order). False when none can train.
    /// </summary>
    private bool ChooseTrainingUnits()
    {
        DrawComputeTimes();
        _active.CopyTo(_training, 0);
        if (!_excessOnly)
        {
            return true;
        }

        _cost.Compute(_training, _graph, _computeS, _startDelayS, double.PositiveInfinity, _onTime);
        double duration = _cost.DurationS;
        EnergyLedger ledger = _accounts.Ledger;
        DateTimeOffset end = _now + TimeSpan.FromSeconds(duration);
        bool endInside = (end - ledger.StartUtc).TotalHours < Math.Ceiling(_scenario.Stop.DeadlineHours) + ForecastMarginHours;
        bool any = false;
        for (int s = 0; s < _scenario.Sites.Count; s++)
        {
            double budget = ledger.RemainingRenewableKwh(s, _now);
            budget = endInside ? Math.Min(budget, ledger.RemainingRenewableKwh(s, end)) : 0;
            UnitPower power = _fleet.PowerAt(s);
            for (int i = 0; i < _training.Length; i++)
            {
                if (!_training[i] || _fleet.SiteOf(i) != s)
                {
                    continue;
                }

                double up = Math.Max(0, duration - _startDelayS[i]);
                double busy = Math.Min(_computeS[i], up);
                double need = power.BusyKwh(busy) + power.IdleKwh(up - busy);
                _training[i] = budget >= need;
                budget -= _training[i] ? need : 0;
                any |= _training[i];
            }
        }

        return any;
    }

    /// <summary>
    /// Each active unit's compute seconds this round: nominal x a log-normal factor of mean 1 (seeded); and how long it is
    /// still booting.
    /// </summary>
    private void DrawComputeTimes()
    {
        double sigma = _scenario.Workload.StepTimeJitter;
        double nowS = (_now - _scenario.StartUtc).TotalSeconds;
        for (int i = 0; i < _computeS.Length; i++)
        {
            _startDelayS[i] = Math.Max(0, _readyAtS[i] - nowS);
            double nominal = _cost.SiteComputeS[_fleet.SiteOf(i)];
            if (sigma <= 0)
            {
                _computeS[i] = nominal;
                continue;
            }

            double z = Math.Sqrt(-2 * Math.Log(1 - _jitterRandom.NextDouble())) * Math.Cos(2 * Math.PI * _jitterRandom.NextDouble());
            _computeS[i] = nominal * Math.Exp((sigma * z) - (sigma * sigma / 2));
        }
    }

    private SimulationResult Finish(string stopReason)
    {
        double hours = (_now - _scenario.StartUtc).TotalHours;
        FinalMetrics final = _evaluation.Finish(_sgd.ReadParameters(), _active, hours, _rounds.Count, _nodeRounds);
        if (_nodeRounds > _gatheredAtNodeRounds)
        {
            // The deployed model is gathered once more unless the last evaluation already gathered this very model.
            _bytes += _accounts.ChargeGatherPending(_now, _evaluation.Participants);
        }

        FlushPending();
        _accounts.Close(_now);
        EnergyLedger ledger = _accounts.Ledger;
        return new SimulationResult(_scenario.Name, _policy.Name, _scenario.Seed, _rounds, _decisions, ledger.Rows(),
            _scenario.Sites.Select(s => s.Name).ToArray(), ledger.Totals, final, hours, _bytes, _nodeRounds,
            _evaluation.TimeToTargetHours, stopReason)
        {
            NetworkRows = ledger.NetworkRows(),
            TrainedModel = new JobDescription(_scenario.Model.ToString(),
                (double)_scenario.Model.TrainFlopsPerExample * _scenario.Training.BatchSize,
                _scenario.Model.ParameterCount * (double)sizeof(float), _scenario.Model.ParameterCount),
            RepresentedJob = new JobDescription(_scenario.Workload.DerivedFromModel ? "the trained model" : "scenario workload",
                _scenario.Workload.FlopsPerStep, _scenario.Workload.MessageBytes,
                _scenario.Workload.DerivedFromModel ? _scenario.Model.ParameterCount : (long)(_scenario.Workload.MessageBytes / sizeof(float)))
            {
                ParametersImplied = !_scenario.Workload.DerivedFromModel,
            },
        };
    }

    /// <summary>Charges made after the last round (the closing gather, idle or wake-ups) go into the last round's record.</summary>
    private void FlushPending()
    {
        if (_accounts.TakePending() is not { } p || _rounds.Count == 0)
        {
            return;
        }

        RoundRecord last = _rounds[^1];
        _rounds[^1] = last with
        {
            ComputeKwh = last.ComputeKwh + p.ComputeKwh, IdleKwh = last.IdleKwh + p.IdleKwh,
            NetworkKwh = last.NetworkKwh + p.NetworkKwh, WakeKwh = last.WakeKwh + p.WakeKwh,
            RenewableKwh = last.RenewableKwh + p.RenewableKwh, BatteryKwh = last.BatteryKwh + p.BatteryKwh,
            GridKwh = last.GridKwh + p.GridKwh, CarbonG = last.CarbonG + p.CarbonG, BytesSent = last.BytesSent + p.BytesSent,
        };
    }
}
