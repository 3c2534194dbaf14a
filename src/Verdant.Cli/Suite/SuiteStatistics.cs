using Verdant.Cli.Compare;

namespace Verdant.Cli.Suite;

/// <summary>The suite's verdicts per scenario and overall, from its finished runs (see <see cref="PolicyVerdict"/>).</summary>
internal sealed class SuiteStatistics
{
    private SuiteStatistics(IReadOnlyList<(string Scenario, IReadOnlyList<PolicyVerdict> Policies)> scenarios, IReadOnlyList<PolicyVerdict> overall)
    {
        Scenarios = scenarios;
        Overall = overall;
    }

    public IReadOnlyList<(string Scenario, IReadOnlyList<PolicyVerdict> Policies)> Scenarios { get; }

    public IReadOnlyList<PolicyVerdict> Overall { get; }

    /// <summary>
    /// Scenarios and policies in the order they first appear in <paramref name="rows"/>; <paramref name="diverged"/> lists
    /// the runs that blew up (scenario, policy), counted as seeds that missed and left out of every ratio and mean.
    /// </summary>
    public static SuiteStatistics Of(IReadOnlyList<SuiteRow> rows, string reference, string recommended,
        IReadOnlyList<(string Scenario, string Policy)>? diverged = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        diverged ??= [];
        (string Scenario, IReadOnlyList<PolicyVerdict> Policies)[] scenarios = [.. rows.Select(r => r.Scenario).Concat(diverged.Select(d => d.Scenario))
            .Distinct(StringComparer.Ordinal)
            .Select(s => (s, WithDiverged(Verdicts([.. rows.Where(r => r.Scenario == s).Select(r => r.Row)], reference, recommended),
                [.. diverged.Where(d => d.Scenario == s).Select(d => d.Policy)])))];
        IReadOnlyList<PolicyVerdict> overall = WithDiverged([.. rows.Select(r => r.Row.Policy).Distinct(StringComparer.Ordinal)
            .Select(p => OverSuite(p, rows, scenarios, reference))], [.. diverged.Select(d => d.Policy)]);
        return new SuiteStatistics(scenarios, overall);
    }

    // Runs that blew up count as seeds that missed; a policy whose every run blew up still gets its (empty) verdict.
    private static IReadOnlyList<PolicyVerdict> WithDiverged(IReadOnlyList<PolicyVerdict> verdicts, string[] divergedPolicies)
    {
        var empty = Ratio.Of([]);
        IEnumerable<PolicyVerdict> missing = divergedPolicies.Distinct(StringComparer.Ordinal).Where(p => verdicts.All(v => v.Policy != p))
            .Select(p => new PolicyVerdict(p, 0, 0, empty, empty, double.NaN, double.PositiveInfinity, 0));
        return [.. verdicts.Concat(missing).Select(v => divergedPolicies.Count(p => p == v.Policy) is var n and > 0
            ? v with { Seeds = v.Seeds + n, Diverged = n }
            : v)];
    }

    private static IReadOnlyList<PolicyVerdict> Verdicts(CompareRow[] rows, string reference, string recommended)
    {
        Dictionary<int, CompareRow> byReference = rows.Where(r => r.Policy == reference).ToDictionary(r => r.Seed);
        PolicyVerdict[] verdicts = [.. rows.GroupBy(r => r.Policy, StringComparer.Ordinal).Select(g => Verdict(g.Key, [.. g], byReference))];
        PolicyVerdict? best = verdicts.FirstOrDefault(v => v.Policy == recommended);
        return [.. verdicts.Select(v => v with
        {
            DominatesRecommended = best is not null && v.Policy != recommended
                && v.MeanCarbonKg <= best.MeanCarbonKg && v.MeanTimeHours <= best.MeanTimeHours ? 1 : 0,
        })];
    }

    private static PolicyVerdict Verdict(string policy, CompareRow[] runs, Dictionary<int, CompareRow> reference)
    {
        CompareRow[] paired = [.. runs.Where(r => reference.ContainsKey(r.Seed))];
        return new PolicyVerdict(policy, runs.Length, runs.Count(r => r.ReachedTarget),
            Ratio.Of(CarbonRatios(paired, reference)), Ratio.Of(TimeRatios(paired, reference)),
            runs.Average(r => r.CarbonKg), runs.Average(r => r.TimeToTargetHours ?? double.PositiveInfinity), 0);
    }

    private static PolicyVerdict OverSuite(string policy, IReadOnlyList<SuiteRow> rows,
        IEnumerable<(string Scenario, IReadOnlyList<PolicyVerdict> Policies)> scenarios, string reference)
    {
        var carbon = new List<double>();
        var time = new List<double>();
        foreach (IGrouping<string, SuiteRow> scenario in rows.GroupBy(r => r.Scenario, StringComparer.Ordinal))
        {
            Dictionary<int, CompareRow> byReference = scenario.Where(r => r.Row.Policy == reference).ToDictionary(r => r.Row.Seed, r => r.Row);
            CompareRow[] paired = [.. scenario.Select(r => r.Row).Where(r => r.Policy == policy && byReference.ContainsKey(r.Seed))];
            carbon.AddRange(CarbonRatios(paired, byReference));
            time.AddRange(TimeRatios(paired, byReference));
        }

        CompareRow[] mine = [.. rows.Select(r => r.Row).Where(r => r.Policy == policy)];
        int dominated = scenarios.Sum(s => s.Policies.Where(v => v.Policy == policy).Sum(v => v.DominatesRecommended));
        return new PolicyVerdict(policy, mine.Length, mine.Count(r => r.ReachedTarget), Ratio.Of(carbon), Ratio.Of(time),
            mine.Average(r => r.CarbonKg), double.NaN, dominated);
    }

    private static IEnumerable<double> CarbonRatios(IEnumerable<CompareRow> runs, Dictionary<int, CompareRow> reference)
        => runs.Where(r => reference[r.Seed].CarbonKg > 0).Select(r => r.CarbonKg / reference[r.Seed].CarbonKg);

    private static IEnumerable<double> TimeRatios(IEnumerable<CompareRow> runs, Dictionary<int, CompareRow> reference)
        => runs.Where(r => r.ReachedTarget && reference[r.Seed].ReachedTarget && reference[r.Seed].TimeToTargetHours > 0)
            .Select(r => r.TimeToTargetHours!.Value / reference[r.Seed].TimeToTargetHours!.Value);
}
