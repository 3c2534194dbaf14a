using System.Globalization;

namespace Verdant.Core.Policies;

/// <summary>
/// FedZero's rule: each round (at most 60 minutes), among units not on the blocklist whose site has renewable excess, keep
/// those whose site's forecast excess covers their minimum work, and choose n of them and their work for the largest
/// utility-weighted work under per-site excess-energy budgets (CP-SAT over units of work, so energy per unit of work, the
/// hardware's efficiency, decides how far a budget goes); the chosen units train on excess energy only; with fewer than n
/// qualifying units, wait (select none).
/// </summary>
/// <remarks>
/// Wiesner, Khalili, Grinwald, Agrawal, Thamsen and Kao, "FedZero: Leveraging Renewable Excess Energy in Federated
/// Learning", ACM e-Energy 2024. A FedZero round here is one decision epoch capped at
/// <see cref="PolicyOptions.FedZeroMaxRoundMinutes"/> (60, as in the paper); units are dedicated (spare capacity is their
/// whole capacity); one unit of work is one D-PSGD round of the unit's local steps, costing training power x its compute
/// time; minimum work is <see cref="PolicyOptions.FedZeroMinRounds"/> of them. The allocation is marked excess-only: the
/// simulation lets a chosen unit train a round only while its site's remaining renewable excess covers it, never from the
/// grid or a battery. Statistical utility: Oort's |B_i| x sqrt(mean of squared per-example losses) (Lai et al., OSDI 2021)
/// from the unit's shard size and its last round's losses; units that never trained get the largest known utility
/// (explored first); a tie-break prefers units that took part less. Blocklist (fairness): after a round its participants
/// go on the blocklist; at each selection every blocked unit is released with probability
/// min(1, alpha / (its participations - the mean participations of units that ever had excess)), surely when at or under
/// the mean; draws in unit order from the seeded generator. Every deviation from the paper is listed in docs/policies.md.
/// </remarks>
public sealed class FedZeroPolicy(PolicyOptions options) : IAllocationPolicy
{
    private readonly PolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly SortedSet<int> _blocked = [];
    private readonly HashSet<int> _everAvailable = [];
    private int[] _participations = [];
    private bool[] _current = [];

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

        UpdateBlocklist(context);
        PlannerSlots slots = PlannerSlots.Build(context, 1);
        UnitView[] available = [.. context.Units.Where(u => !_blocked.Contains(u.Index) && slots.SurplusW[u.Site, 0] > 0)];
        foreach (UnitView unit in available)
        {
            _everAvailable.Add(unit.Index);
        }

        Array.Clear(_current);
        double roundS = Math.Min(context.Epoch.TotalSeconds, _options.FedZeroMaxRoundMinutes * 60.0);
        if (TrySelect(slots, available, roundS) is { } reason)
        {
            return new Allocation((bool[])_current.Clone(), reason) { ExcessOnly = true };
        }

        return new Allocation(new bool[context.Units.Count], string.Create(CultureInfo.InvariantCulture,
            $"waiting: fewer than {_options.FedZeroUnits} units have renewable excess for their minimum work ({available.Length} available, {_blocked.Count} blocked)"))
        {
            ExcessOnly = true,
        };
    }

    private string? TrySelect(PlannerSlots slots, UnitView[] available, double roundS)
    {
        // Energy per unit of work in mWh (integers for CP-SAT): training W x compute seconds of one round.
        long WorkMwh(UnitView u) => (long)Math.Ceiling(u.TrainingPowerW * u.RoundComputeS / 3.6);
        long Capacity(UnitView u) => (long)Math.Floor(roundS / u.RoundComputeS);
        long minWork = (long)Math.Ceiling(_options.FedZeroMinRounds);
        long[] budgetMwh = [.. Enumerable.Range(0, slots.Sites).Select(s => (long)Math.Floor(slots.SurplusW[s, 0] * roundS / 3.6))];
        UnitView[] qualified = [.. available.Where(u => Capacity(u) >= minWork && budgetMwh[u.Site] >= minWork * WorkMwh(u))];
        if (qualified.Length < _options.FedZeroUnits)
        {
            return null;
        }

        int most = qualified.Max(u => _participations[u.Index]);
        double[] statistical = StatisticalUtility(qualified);
        double top = Math.Max(statistical.Max(), double.Epsilon);
        // Statistical utility first (scaled to 0..1e6), then fewer past participations, as the tie-break.
        long[] utility = [.. qualified.Select((u, i) => ((long)Math.Round(1e6 * statistical[i] / top) * (most + 1)) + most - _participations[u.Index])];
        int[]? chosen = FedZeroSelection.Choose(qualified, utility, [.. qualified.Select(WorkMwh)], [.. qualified.Select(Capacity)],
            budgetMwh, minWork, _options.FedZeroUnits, _options.SolverDeterministicSeconds);
        if (chosen is null)
        {
            return null;
        }

        foreach (int i in chosen)
        {
            _current[qualified[i].Index] = true;
            _participations[qualified[i].Index]++;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{chosen.Length} of {qualified.Length} units with renewable excess for a {roundS / 60:0} min round; {_blocked.Count} blocked");
    }

    /// <summary>
    /// Oort's statistical utility |B_i| x sqrt(mean of squared per-example losses); units that never trained get the
    /// largest known value (explored first, as Oort does); 1 per unit when nothing is known.
    /// </summary>
    private static double[] StatisticalUtility(UnitView[] units)
    {
        static double? Known(UnitView u) => double.IsFinite(u.RecentSquaredLoss) && u.RecentSquaredLoss > 0
            ? Math.Max(1, u.ShardSize) * Math.Sqrt(u.RecentSquaredLoss)
            : null;
        double explore = units.Select(Known).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        return [.. units.Select(u => Known(u) ?? explore)];
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
