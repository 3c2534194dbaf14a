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

    /// <summary>Scenarios and policies in the order they first appear in <paramref name="rows"/>.</summary>
    public static SuiteStatistics Of(IReadOnlyList<SuiteRow> rows, string reference, string recommended)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scenarios = rows.GroupBy(r => r.Scenario, StringComparer.Ordinal)
            .Select(g => (g.Key, Verdicts(g.Select(r => r.Row).ToArray(), reference, recommended)))
            .ToArray();
        PolicyVerdict[] overall = [.. rows.Select(r => r.Row.Policy).Distinct(StringComparer.Ordinal).Select(p => OverSuite(p, rows, scenarios, reference))];
        return new SuiteStatistics(scenarios, overall);
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
