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
        _ledger = new EnergyLedger(supplies, scenario.StartUtc);
        _siteScratchKwh = new double[scenario.Sites.Count];
    }

    /// <summary>The ledger behind the books.</summary>
    public EnergyLedger Ledger => _ledger;

    /// <summary>
    /// Charges a round that starts at <paramref name="startUtc"/> with the costs in <paramref name="cost"/>, plus what was
    /// pending and the idle draw of the units left out; returns the round's record (its index, loss and accuracy are
    /// filled by the caller).
    /// </summary>
    public RoundEnergy ChargeRound(DateTimeOffset startUtc, RoundCost cost, ReadOnlySpan<bool> active)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var sum = new RoundEnergy { BytesSent = cost.BytesSent + _pending.Bytes };
        sum.Add(_pending.Take());
        for (int s = 0; s < _scenario.Sites.Count; s++)
        {
            sum.Add(_ledger.Charge(s, startUtc, cost.DurationS, cost.SiteComputeKwh[s], EnergyUse.Compute));
            sum.Add(_ledger.Charge(s, startUtc, cost.DurationS, cost.SiteIdleKwh[s], EnergyUse.Idle));
            sum.Add(_ledger.ChargeNetwork(s, startUtc, cost.DurationS, cost.SiteNetworkKwh[s]));
            sum.ComputeKwh += cost.SiteComputeKwh[s];
            sum.IdleKwh += cost.SiteIdleKwh[s];
            sum.NetworkKwh += cost.SiteNetworkKwh[s];
        }

        sum.Add(ChargeInactive(startUtc, cost.DurationS, active));
        return sum;
    }

    /// <summary>Units kept powered but not training draw idle W x PUE (nothing when they are switched off).</summary>
    public ChargeResult ChargeInactive(DateTimeOffset from, double durationS, ReadOnlySpan<bool> active)
    {
        var total = new ChargeResult(0, 0, 0, 0);
        if (_scenario.Inactive != InactivePower.Idle || durationS <= 0)
        {
            return total;
        }

        Array.Clear(_siteScratchKwh);
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                _siteScratchKwh[_fleet.SiteOf(i)] += _fleet.PowerAt(_fleet.SiteOf(i)).IdleKwh(durationS);
            }
        }

        for (int s = 0; s < _siteScratchKwh.Length; s++)
        {
            if (_siteScratchKwh[s] > 0)
            {
                ChargeResult r = _ledger.Charge(s, from, durationS, _siteScratchKwh[s], EnergyUse.Idle);
                total = new ChargeResult(total.RenewableKwh + r.RenewableKwh, total.BatteryKwh + r.BatteryKwh,
                    total.GridKwh + r.GridKwh, total.CarbonG + r.CarbonG);
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
                _pending.Add(_ledger.Charge(s, nowUtc, 60, _siteScratchKwh[s], EnergyUse.Wake), 0);
            }
        }
    }

    /// <summary>A rejoining unit downloads one model copy from <paramref name="sourceNode"/>: network energy, half on each end's grid.</summary>
    public void ChargeDownload(DateTimeOffset nowUtc, int node, int sourceNode)
    {
        long message = (long)_scenario.Workload.MessageBytes;
        double kwh = _network.EnergyKwh(message);
        _pending.Add(_ledger.ChargeNetwork(_fleet.SiteOf(node), nowUtc, 1, kwh / 2), message);
        _pending.Add(_ledger.ChargeNetwork(_fleet.SiteOf(sourceNode), nowUtc, 1, kwh / 2), 0);
    }

    /// <summary>Closes the books at <paramref name="endUtc"/>.</summary>
    public void Close(DateTimeOffset endUtc) => _ledger.Close(endUtc);
}
