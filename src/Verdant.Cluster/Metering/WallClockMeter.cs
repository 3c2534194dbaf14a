using Verdant.Cluster.Contracts;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Metering;

/// <summary>
/// Real-mode time and compute energy for the round loop. A round lasts, in simulated seconds, the wall time since the
/// previous round ended x the time scale (so coordinator overhead belongs to the round it delays). A unit's compute
/// energy is its machine's RAPL package energy over the round's local steps, split among the machine's units by busy
/// time, or, where the machine exposes no counters, its busy seconds x the hardware profile's busy power; both x PUE and
/// x the time scale (the measured power is kept, over the replayed duration). Waiting for its mixing partners it draws
/// the profile's idle power, as in the simulator.
/// </summary>
/// <remarks>
/// The fallback is CodeCarbon's (Courty et al., CodeCarbon, 2024): without a power meter, the device's rated power x the
/// time it was in use. A round whose simulated end would pass the supply series' horizon is cut at the horizon and
/// counted in <see cref="TruncatedRounds"/>; the run stops there, its deadline being earlier.
/// </remarks>
public sealed class WallClockMeter : IRoundMeter
{
    private readonly ReplayClock _clock;
    private readonly Scenario _scenario;
    private readonly Func<IReadOnlyList<TrainReply?>> _lastReplies;
    private readonly DateTimeOffset _horizonUtc;
    private readonly int[] _siteOfUnit;
    private readonly UnitPower[] _power;
    private readonly double[] _computeKwh;
    private readonly double[] _idleKwh;
    private readonly long[] _rapl;
    private readonly long[] _modelled;
    private readonly string?[] _reasons;

    /// <summary>Meters a run of <paramref name="scenario"/> on <paramref name="clock"/>; <paramref name="lastReplies"/> gives the units' replies of the round just run.</summary>
    public WallClockMeter(ReplayClock clock, Scenario scenario, Func<IReadOnlyList<TrainReply?>> lastReplies)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _lastReplies = lastReplies ?? throw new ArgumentNullException(nameof(lastReplies));
        _horizonUtc = scenario.StartUtc + TimeSpan.FromHours(Math.Ceiling(scenario.Stop.DeadlineHours) + Simulation.ForecastMarginHours);
        _siteOfUnit = [.. scenario.Sites.SelectMany((s, k) => Enumerable.Repeat(k, s.Units))];
        _power = [.. scenario.Sites.Select(UnitPower.Of)];
        _computeKwh = new double[scenario.Sites.Count];
        _idleKwh = new double[scenario.Sites.Count];
        _rapl = new long[scenario.Sites.Count];
        _modelled = new long[scenario.Sites.Count];
        _reasons = new string?[scenario.Sites.Count];
    }

    /// <summary>Rounds cut at the end of the supply series.</summary>
    public int TruncatedRounds { get; private set; }

    /// <summary>Each site's energy source so far, in site order.</summary>
    public IReadOnlyList<SiteEnergySource> Sources => [.. _scenario.Sites.Select((s, k) =>
        new SiteEnergySource(s.Name, SiteEnergySource.Of(_rapl[k], _modelled[k]),
            _rapl[k] + _modelled[k] == 0 ? "no unit of the site trained and answered; its idle draw is modelled" : _reasons[k], _rapl[k], _modelled[k]))];

    /// <inheritdoc />
    public void AfterRound(DateTimeOffset startUtc, RoundCost cost, ReadOnlySpan<bool> training)
    {
        ArgumentNullException.ThrowIfNull(cost);
        DateTimeOffset end = _clock.Now;
        if (end > _horizonUtc)
        {
            end = _horizonUtc;
            TruncatedRounds++;
        }

        double durationS = Math.Max(0, (end - startUtc).TotalSeconds);
        IReadOnlyList<TrainReply?> replies = _lastReplies();
        Dictionary<string, double> machineJoulesPerBusyS = MachineJoulesPerBusySecond(replies);
        Array.Clear(_computeKwh);
        Array.Clear(_idleKwh);
        for (int i = 0; i < training.Length; i++)
        {
            if (training[i])
            {
                ChargeUnit(i, i < replies.Count ? replies[i] : null, durationS, machineJoulesPerBusyS);
            }
        }

        cost.ReplaceMeasured(durationS, _computeKwh, _idleKwh);
    }

    /// <inheritdoc />
    public void WaitUntil(DateTimeOffset nextUtc, CancellationToken cancellationToken) => _clock.WaitUntil(nextUtc, cancellationToken);

    // A unit that did not answer is taken to have been powered and waiting all round.
    private void ChargeUnit(int unit, TrainReply? reply, double durationS, Dictionary<string, double> joulesPerBusyS)
    {
        int site = _siteOfUnit[unit];
        UnitPower power = _power[site];
        if (reply is null)
        {
            _idleKwh[site] += power.IdleKwh(durationS);
            return;
        }

        double busyS = Math.Min(reply.BusyS * _clock.TimeScale, durationS);
        if (reply.EnergyAfter is { } after && joulesPerBusyS.TryGetValue(after.Machine, out double perBusyS))
        {
            _computeKwh[site] += UnitPower.ToKwh(perBusyS * reply.BusyS * _clock.TimeScale * power.Pue);
            _rapl[site]++;
        }
        else
        {
            _computeKwh[site] += power.BusyKwh(busyS);
            _modelled[site]++;
            _reasons[site] ??= reply.EnergyUnavailable ?? "no energy counter reading";
        }

        _idleKwh[site] += power.IdleKwh(durationS - busyS);
    }

    /// <summary>
    /// Each metered machine's package joules over the round's local steps (its earliest reading before to its latest
    /// after, so units training side by side are counted once) per busy second of its units.
    /// </summary>
    private static Dictionary<string, double> MachineJoulesPerBusySecond(IReadOnlyList<TrainReply?> replies)
    {
        var perMachine = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (IGrouping<string, TrainReply> machine in replies
            .Where(r => r?.EnergyBefore is not null && r.EnergyAfter is not null).Select(r => r!)
            .GroupBy(r => r.EnergyAfter!.Machine, StringComparer.Ordinal))
        {
            EnergyReading first = machine.Select(r => r.EnergyBefore!).MinBy(e => e.Timestamp)!;
            EnergyReading last = machine.Select(r => r.EnergyAfter!).MaxBy(e => e.Timestamp)!;
            double busyS = machine.Sum(r => r.BusyS);
            perMachine[machine.Key] = busyS > 0 ? last.JoulesSince(first) / busyS : 0;
        }

        return perMachine;
    }
}
