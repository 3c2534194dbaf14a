namespace Verdant.Cli.Compare;

/// <summary>Groups the rows of a comparison by policy and summarizes each metric over seeds.</summary>
internal static class CompareAggregation
{
    /// <summary>One summary per policy, in the order the policies first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<PolicySummary> Summarize(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.Policy, StringComparer.Ordinal).Select(Summarize)];
    }

    private static PolicySummary Summarize(IGrouping<string, CompareRow> runs) => new(
        runs.Key,
        runs.Count(),
        runs.Count(r => r.ReachedTarget),
        MeanSpread.Of(runs.Where(r => r.TimeToTargetHours is not null).Select(r => r.TimeToTargetHours!.Value)),
        MeanSpread.Of(runs.Select(r => r.FinalAccuracy)),
        MeanSpread.Of(runs.Select(r => r.EnergyKwh)),
        MeanSpread.Of(runs.Select(r => r.GridKwh)),
        MeanSpread.Of(runs.Select(r => r.CarbonKg)),
        MeanSpread.Of(runs.Select(r => (double)r.BytesSent)),
        MeanSpread.Of(runs.Select(r => (double)r.NodeRounds)));
}
