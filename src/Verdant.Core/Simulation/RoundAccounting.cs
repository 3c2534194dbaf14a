using Verdant.Core.Energy;

namespace Verdant.Core.Simulation;

/// <summary>
/// The energy books of a run, as the simulation's steps see them: a round's compute, idle-wait and network energy, the
/// idle draw of powered units left out, wake-ups and rejoin downloads charged between rounds and carried into the next
/// round's record. Compute and idle go to the sites' accounts (renewables, battery, grid); network to the network account
/// (grid only). Buffers are reused: charging a round allocates nothing.
/// </summary>
public sealed class RoundAccounting
{
    private readonly Scenario _scenario;
    private readonly Fleet _fleet;
    private readonly NetworkModel _network;
    private readonly EnergyLedger _ledger;
    private readonly PendingCharges _pending = new();
    private readonly double[] _siteScratchKwh;

    /// <summary>Creates the books over <paramref name="supplies"/> from the scenario's start.</summary>
    public RoundAccounting(Scenario scenario, Fleet fleet, NetworkModel network, IReadOnlyList<SiteSupply> supplies)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _ledger = new EnergyLedger(supplies, scenario.StartUtc) { NetworkCarbon = scenario.Network.Carbon };
        _siteScratchKwh = new double[scenario.Sites.Count];
    }

    /// <summary>The ledger behind the books.</summary>
    public EnergyLedger Ledger => _ledger;

    /// <summary>
    /// Charges a round that starts at <paramref name="startUtc"/> with the costs in <paramref name="cost"/>, plus what was
    /// pending and the idle draw of the units left out; returns the round's record (its index, loss and accuracy are
    /// filled by the caller).
    /// </summary>
    public RoundEnergy ChargeRound(DateTimeOffset startUtc, RoundCost cost, ReadOnlySpan<bool> active, ReadOnlySpan<bool> training)
    {
        ArgumentNullException.ThrowIfNull(cost);
        RoundEnergy sum = _pending.Take();
        sum.BytesSent += cost.BytesSent;
        for (int s = 0; s < _scenario.Sites.Count; s++)
        {
            sum.Add(_ledger.Charge(s, startUtc, cost.DurationS, cost.SiteComputeKwh[s], EnergyUse.Compute));
            sum.Add(_ledger.Charge(s, startUtc, cost.DurationS, cost.SiteIdleKwh[s], EnergyUse.Idle));
            sum.Add(_ledger.ChargeNetwork(s, startUtc, cost.DurationS, cost.SiteNetworkKwh[s]));
            sum.ComputeKwh += cost.SiteComputeKwh[s];
            sum.IdleKwh += cost.SiteIdleKwh[s];
            sum.NetworkKwh += cost.SiteNetworkKwh[s];
        }

        sum.Add(ChargeInactive(startUtc, cost.DurationS, active, training));
        return sum;
    }

    /// <summary>
    /// Idle draw while no round runs (nothing trains this epoch), carried into the next round's record as pending.
    /// </summary>
    public void ChargeIdleBetweenRounds(DateTimeOffset from, double durationS, ReadOnlySpan<bool> active)
        => _pending.Add(ChargeInactive(from, durationS, active, []));

    /// <summary>
    /// Units powered but not training draw idle W x PUE: active units that do not train (<paramref name="training"/>;
    /// empty: none trains), e.g. FedZero's units whose site lacks the excess, since a woken unit is on; and units left
    /// out, when they are kept idle rather than switched off.
    /// </summary>
    public RoundEnergy ChargeInactive(DateTimeOffset from, double durationS, ReadOnlySpan<bool> active, ReadOnlySpan<bool> training)
    {
        var total = default(RoundEnergy);
        if (durationS <= 0)
        {
            return total;
        }

        bool leftOutIdle = _scenario.Inactive == InactivePower.Idle;
        Array.Clear(_siteScratchKwh);
        for (int i = 0; i < active.Length; i++)
        {
            bool trains = !training.IsEmpty && training[i];
            if (active[i] ? !trains : leftOutIdle)
            {
                _siteScratchKwh[_fleet.SiteOf(i)] += _fleet.PowerAt(_fleet.SiteOf(i)).IdleKwh(durationS);
            }
        }

        for (int s = 0; s < _siteScratchKwh.Length; s++)
        {
            if (_siteScratchKwh[s] > 0)
            {
                total.Add(_ledger.Charge(s, from, durationS, _siteScratchKwh[s], EnergyUse.Idle));
                total.IdleKwh += _siteScratchKwh[s];
            }
        }

        return total;
    }

    /// <summary>Units switched on from off pay their wake-up energy at their site (over one minute), carried to the next round.</summary>
    public void ChargeWakeUps(DateTimeOffset nowUtc, ReadOnlySpan<bool> current, ReadOnlySpan<bool> next)
    {
        if (_scenario.Inactive == InactivePower.Idle)
        {
            return;
        }

        Array.Clear(_siteScratchKwh);
        for (int i = 0; i < next.Length; i++)
        {
            if (next[i] && !current[i])
            {
                _siteScratchKwh[_fleet.SiteOf(i)] += _fleet.PowerAt(_fleet.SiteOf(i)).WakeKwh;
            }
        }

        for (int s = 0; s < _siteScratchKwh.Length; s++)
        {
            if (_siteScratchKwh[s] > 0)
            {
                _pending.Add(_ledger.Charge(s, nowUtc, 60, _siteScratchKwh[s], EnergyUse.Wake), EnergyUse.Wake, _siteScratchKwh[s], 0);
            }
        }
    }

    /// <summary>
    /// A rejoining unit pulls the mean of its <paramref name="sources"/>' models: one copy from each, network energy half
    /// on the joining unit's grid and half on that source's; returns the bytes.
    /// </summary>
    public long ChargeDownload(DateTimeOffset nowUtc, int node, ReadOnlySpan<int> sources)
    {
        long message = (long)_scenario.Workload.MessageBytes;
        double half = _network.EnergyKwh(message) / 2;
        foreach (int source in sources)
        {
            _pending.Add(_ledger.ChargeNetwork(_fleet.SiteOf(node), nowUtc, 1, half), EnergyUse.Network, half, message);
            _pending.Add(_ledger.ChargeNetwork(_fleet.SiteOf(source), nowUtc, 1, half), EnergyUse.Network, half, 0);
        }

        return message * sources.Length;
    }

    /// <summary>
    /// An evaluation gathers the participants' models at the evaluator, the lowest-numbered participant: one copy from
    /// every other participant, network energy half on each end's grid, added to <paramref name="sum"/>; returns the bytes.
    /// </summary>
    public long ChargeGather(DateTimeOffset nowUtc, ReadOnlySpan<bool> participants, ref RoundEnergy sum)
    {
        int evaluator = participants.IndexOf(true);
        if (evaluator < 0)
        {
            return 0;
        }

        long message = (long)_scenario.Workload.MessageBytes;
        double half = _network.EnergyKwh(message) / 2;
        long bytes = 0;
        for (int i = evaluator + 1; i < participants.Length; i++)
        {
            if (participants[i])
            {
                sum.Add(_ledger.ChargeNetwork(_fleet.SiteOf(i), nowUtc, 1, half));
                sum.Add(_ledger.ChargeNetwork(_fleet.SiteOf(evaluator), nowUtc, 1, half));
                sum.NetworkKwh += 2 * half;
                bytes += message;
            }
        }

        sum.BytesSent += bytes;
        return bytes;
    }

    /// <summary>The closing gather of the deployed model, carried as pending (no round follows it); returns the bytes.</summary>
    public long ChargeGatherPending(DateTimeOffset nowUtc, ReadOnlySpan<bool> participants)
    {
        var sum = default(RoundEnergy);
        long bytes = ChargeGather(nowUtc, participants, ref sum);
        _pending.Add(sum);
        return bytes;
    }

    /// <summary>Takes what is still pending after the last round (null when nothing is).</summary>
    public RoundEnergy? TakePending() => _pending.Any ? _pending.Take() : null;

    /// <summary>Closes the books at <paramref name="endUtc"/>.</summary>
    public void Close(DateTimeOffset endUtc) => _ledger.Close(endUtc);
}
