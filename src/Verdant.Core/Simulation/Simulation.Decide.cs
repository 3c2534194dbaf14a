using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

public sealed partial class Simulation
{
    private void Decide(int round)
    {
        var context = new PolicyContext(_now, _scenario.Policy.Epoch, _scenario.Sites, UnitsNow(), _forecast,
            new ProgressSignals(round, _lastLoss, double.NaN, _noiseScale.Estimate, _evaluation.LastValidationAccuracy)
            {
                HeterogeneityScale = _noiseScale.HeterogeneityScale,
            }, _policyRandom)
        {
            DeadlineUtc = _scenario.StartUtc + TimeSpan.FromHours(_scenario.Stop.DeadlineHours),
            TargetAccuracy = _scenario.Stop.TargetAccuracy,
            RemainingRounds = _scenario.Stop.MaxRounds - round,
            History = _evaluation.History,
            BatchSize = _scenario.Training.BatchSize,
            RoundTime = _roundTime,
            NetworkCarbon = _scenario.Network.Carbon,
        };
        Allocation allocation = _policy.Decide(context);
        if (allocation.Active.Length != _fleet.Count)
        {
            throw new InvalidOperationException($"policy {_policy.Name} returned {allocation.Active.Length} flags for {_fleet.Count} units");
        }

        _accounts.ChargeWakeUps(_now, _active, allocation.Active);
        MarkBooting(allocation.Active);
        bool[] previous = (bool[])_active.Clone();
        allocation.Active.CopyTo(_active, 0);
        _excessOnly = allocation.ExcessOnly;
        (Graph graph, string? fallback) = ActiveGraph.Build(_scenario.Topology, _active, _fleet, _topologyRandom, LinkCostJ);
        _graph = graph;
        CatchUpRejoining(previous);
        _mixing = new MixingMatrix(graph);
        _mixing.Rebuild(_active);
        int count = allocation.ActiveCount;
        int sites = _active.Select((a, i) => a ? _fleet.SiteOf(i) : -1).Where(s => s >= 0).Distinct().Count();
        double gap = count > 0 ? _mixing.SpectralGap(_active) : 0;
        string reason = fallback is null ? allocation.Reason : $"{allocation.Reason}; {fallback}";
        _decisions.Add(new DecisionRecord(_now, round, count, sites, gap, _noiseScale.Estimate, reason)
        {
            HeterogeneityScale = _noiseScale.HeterogeneityScale,
        });
    }

    /// <summary>
    /// Energy of keeping link (a, b) for one round: both model copies on the wire, plus both units idling through the
    /// link's latency. The second term makes long links dearer than short ones.
    /// </summary>
    private double LinkCostJ(int a, int b)
    {
        Site sa = _scenario.Sites[_fleet.SiteOf(a)], sb = _scenario.Sites[_fleet.SiteOf(b)];
        double bytesJ = UnitPower.ToJoules(_network.EnergyKwh(2 * (long)_scenario.Workload.MessageBytes));
        double idleW = _fleet.PowerAt(_fleet.SiteOf(a)).IdleFacilityW + _fleet.PowerAt(_fleet.SiteOf(b)).IdleFacilityW;
        return bytesJ + (_network.LatencyS(sa.Location, sb.Location) * idleW);
    }

    /// <summary>
    /// Units that join pull the mean model of their neighbours that were already training (one copy from each such
    /// neighbour, charged as network bytes and energy split between the two ends); on the first decision nobody has
    /// trained yet.
    /// </summary>
    private void CatchUpRejoining(bool[] previous)
    {
        if (_decisions.Count == 0)
        {
            return;
        }

        var sources = new List<int>();
        for (int i = 0; i < _active.Length; i++)
        {
            if (!_active[i] || previous[i])
            {
                continue;
            }

            sources.Clear();
            foreach (int j in _graph.Neighbors(i))
            {
                if (previous[j] && _active[j])
                {
                    sources.Add(j);
                }
            }

            if (sources.Count > 0)
            {
                ReadOnlySpan<int> from = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sources);
                _sgd.CatchUp(i, from);
                _bytes += _accounts.ChargeDownload(_now, i, from);
            }
        }
    }

    /// <summary>Units switched on from off train only once booted: their first round starts the hardware's boot seconds later.</summary>
    private void MarkBooting(ReadOnlySpan<bool> next)
    {
        if (_scenario.Inactive != InactivePower.Off)
        {
            return;
        }

        double nowS = (_now - _scenario.StartUtc).TotalSeconds;
        for (int i = 0; i < next.Length; i++)
        {
            if (next[i] && !_active[i])
            {
                _readyAtS[i] = nowS + _fleet.Sites[_fleet.SiteOf(i)].Hardware.BootS;
            }
        }
    }

    /// <summary>The units as policies see them now: with shard sizes and each unit's last training loss.</summary>
    private UnitView[] UnitsNow()
    {
        ReadOnlySpan<float> losses = _sgd.NodeLosses;
        ReadOnlySpan<double> squared = _sgd.NodeSquaredLosses;
        var units = new UnitView[_fleet.Count];
        for (int i = 0; i < units.Length; i++)
        {
            units[i] = _fleet.Units[i] with { ShardSize = _shardSizes[i], RecentLoss = losses[i] > 0 ? losses[i] : double.NaN,
                RecentSquaredLoss = squared[i] > 0 ? squared[i] : double.NaN,
            };
        }

        return units;
    }
}
