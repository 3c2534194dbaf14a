using Verdant.Core.Simulation;

namespace Verdant.Cluster.Journal;

/// <summary>
/// The first line of a coordinator log: the run it belongs to (its grains' key prefix) and what identifies the scenario,
/// so that a restart never replays one run's log against another scenario or seed.
/// </summary>
public sealed record CoordinatorLogHeader(int Format, string Run, string Scenario, string Policy, int Seed, int Units,
    string Sites, int MaxRounds, int Parameters, string? SourceSha256)
{
    /// <summary>The log format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The header of run <paramref name="run"/> of <paramref name="scenario"/> (<paramref name="sourceSha256"/>: hash of its file, if any).</summary>
    public static CoordinatorLogHeader For(Scenario scenario, string run, string? sourceSha256)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new CoordinatorLogHeader(CurrentFormat, run, scenario.Name, scenario.PolicyName, scenario.Seed, scenario.UnitCount,
            string.Join(',', scenario.Sites.Select(s => s.Name)), scenario.Stop.MaxRounds, scenario.Model.ParameterCount, sourceSha256);
    }

    /// <summary>What differs between this (the log's) header and <paramref name="expected"/>, ignoring the run name; empty when they match.</summary>
    public IReadOnlyList<string> Differences(CoordinatorLogHeader expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var differences = new List<string>();
        void Check<T>(string field, T logged, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(logged, now))
            {
                differences.Add($"{field} is {logged?.ToString() ?? "none"} in the log, {now?.ToString() ?? "none"} now");
            }
        }

        Check("format", Format, expected.Format);
        Check("scenario", Scenario, expected.Scenario);
        Check("policy", Policy, expected.Policy);
        Check("seed", Seed, expected.Seed);
        Check("units", Units, expected.Units);
        Check("sites", Sites, expected.Sites);
        Check("max rounds", MaxRounds, expected.MaxRounds);
        Check("model parameters", Parameters, expected.Parameters);
        Check("scenario file sha256", SourceSha256, expected.SourceSha256);
        return differences;
    }
}
