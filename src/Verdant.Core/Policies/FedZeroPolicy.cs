using System.Globalization;

namespace Verdant.Core.Policies;

/// <summary>
/// FedZero's rule: each round, among units not on the blocklist whose site has renewable excess now, find the shortest round
/// length (hours) for which at least n units have forecast excess for a minimum amount of work, and choose n of them for
/// the largest utility-weighted work under per-site excess budgets (CP-SAT); if no length works, wait (select none).
/// </summary>
/// <remarks>
/// Wiesner et al., "FedZero: Leveraging Renewable Excess Energy in Federated Learning", ACM e-Energy 2024. Mapping onto
/// Verdant: a FedZero round lasts d whole hours (1 to <see cref="PolicyOptions.FedZeroMaxRoundHours"/>) and its selection is
/// held for that long; spare capacity is always full (units are dedicated); minimum work is
/// <see cref="PolicyOptions.FedZeroMinRounds"/> rounds of the unit's compute at its training power. Statistical utility:
/// Oort's |shard| x sqrt(mean loss^2) (Lai et al., OSDI 2021), from the unit's shard size and its last mean training loss,
/// with a tie-break towards units that have taken part less. Blocklist (fairness): after a round its participants
/// go on the blocklist; at each
/// selection every blocked unit is released with probability min(1, alpha / (its participations - the mean participations
/// of units that ever had excess)), surely when it is at or under the mean; draws in unit order from the seeded generator.
/// </remarks>
public sealed class FedZeroPolicy(PolicyOptions options) : IAllocationPolicy
{
    private readonly PolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly SortedSet<int> _blocked = [];
    private readonly HashSet<int> _everAvailable = [];
    private int[] _participations = [];
    private bool[] _current = [];
    private DateTimeOffset _roundEndUtc = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public string Name => "fedzero";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_participations.Length != context.Units.Count)
        {
            _participations = new int[context.Units.Count];
            _current = new bool[context.Units.Count];
        }

        if (context.NowUtc < _roundEndUtc)
        {
            return new Allocation((bool[])_current.Clone(), string.Create(CultureInfo.InvariantCulture,
                $"fedzero round continues to {_roundEndUtc:HH:mm}"));
        }

        UpdateBlocklist(context);
        PlannerSlots slots = PlannerSlots.Build(context, _options.FedZeroMaxRoundHours);
        UnitView[] available = [.. context.Units.Where(u => !_blocked.Contains(u.Index) && slots.SurplusW[u.Site, 0] > 0)];
        foreach (UnitView unit in available)
        {
            _everAvailable.Add(unit.Index);
        }

        Array.Clear(_current);
        for (int hours = 1; hours <= slots.Slots; hours++)
        {
            if (TrySelect(context, slots, available, hours) is { } reason)
            {
                return new Allocation((bool[])_current.Clone(), reason);
            }
        }

        _roundEndUtc = DateTimeOffset.MinValue;
        return new Allocation(new bool[context.Units.Count], string.Create(CultureInfo.InvariantCulture,
            $"waiting: fewer than {_options.FedZeroUnits} units have renewable excess ({available.Length} available, {_blocked.Count} blocked)"));
    }

    private string? TrySelect(PolicyContext context, PlannerSlots slots, UnitView[] available, int hours)
    {
        long MinWorkWh(UnitView u) => (long)Math.Ceiling(u.TrainingPowerW * u.RoundComputeS * _options.FedZeroMinRounds / 3600);
        UnitView[] qualified = [.. available.Where(u => ExcessWh(slots, u, hours) >= MinWorkWh(u))];
        if (qualified.Length < _options.FedZeroUnits)
        {
            return null;
        }

        int most = qualified.Max(u => _participations[u.Index]);
        double[] statistical = StatisticalUtility(qualified);
        double top = Math.Max(statistical.Max(), double.Epsilon);
        // Statistical utility first (scaled to 0..1e6), then fewer past participations, as the tie-break.
        long[] utility = [.. qualified.Select((u, i) => ((long)Math.Round(1e6 * statistical[i] / top) * (most + 1)) + most - _participations[u.Index])];
        int[]? chosen = FedZeroSelection.Choose(qualified, utility, slots, hours, [.. qualified.Select(MinWorkWh)],
            _options.FedZeroUnits, _options.SolverDeterministicSeconds);
        if (chosen is null)
        {
            return null;
        }

        foreach (int i in chosen)
        {
            _current[qualified[i].Index] = true;
            _participations[qualified[i].Index]++;
        }

        _roundEndUtc = context.NowUtc + TimeSpan.FromHours(hours);
        return string.Create(CultureInfo.InvariantCulture,
            $"{chosen.Length} of {qualified.Length} units with renewable excess for a {hours} h round; {_blocked.Count} blocked");
    }

    /// <summary>
    /// Oort's statistical utility |B_i| x sqrt(mean loss^2), approximated by |B_i| x the unit's last mean batch loss; units
    /// that never trained get the largest known loss (explored first, as Oort does); 1 per unit when nothing is known.
    /// </summary>
    private static double[] StatisticalUtility(UnitView[] units)
    {
        double known = units.Where(u => double.IsFinite(u.RecentLoss) && u.RecentLoss > 0).Select(u => u.RecentLoss).DefaultIfEmpty(1).Max();
        return [.. units.Select(u => Math.Max(1, u.ShardSize) * (double.IsFinite(u.RecentLoss) && u.RecentLoss > 0 ? u.RecentLoss : known))];
    }

    private static double ExcessWh(PlannerSlots slots, UnitView unit, int hours)
    {
        double wh = 0;
        for (int t = 0; t < hours; t++)
        {
            wh += Math.Min(unit.TrainingPowerW, slots.SurplusW[unit.Site, t]);
        }

        return wh;
    }

    private void UpdateBlocklist(PolicyContext context)
    {
        for (int i = 0; i < _current.Length; i++)
        {
            if (_current[i])
            {
                _blocked.Add(i);
            }
        }

        double mean = _everAvailable.Count > 0 ? _everAvailable.Average(i => _participations[i]) : 0;
        foreach (int unit in _blocked.ToArray())
        {
            double excess = _participations[unit] - mean;
            double release = excess > 0 ? Math.Min(1, _options.FedZeroAlpha / excess) : 1;
            if (context.Random.NextDouble() < release)
            {
                _blocked.Remove(unit);
            }
        }
    }
}
