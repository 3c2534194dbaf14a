using System.Globalization;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>
/// How a comparison names its runs and their outcomes on the console; the display itself is the engine's
/// (<see cref="Engine.EngineProgress"/>), shared with suites and sweeps.
/// </summary>
internal static class CompareProgress
{
    public static string Label(Scenario scenario) => string.Create(CultureInfo.InvariantCulture, $"{scenario.PolicyName} seed {scenario.Seed}");

    /// <summary>How a finished run ended, in one line.</summary>
    public static string Outcome(CompareRun run)
    {
        CompareRow r = run.Row;
        string target = r.TimeToTargetHours is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"target at {t:0.0} h")
            : string.Create(CultureInfo.InvariantCulture, $"missed target, acc {r.FinalAccuracy:0.000}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{target}, {r.CarbonKg:0.00} kg CO2eq, {r.Rounds} rounds, {run.WallSeconds:0} s");
    }
}
