using Verdant.Cli.Engine;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>
/// Plans and runs every (policy, seed) scenario of a comparison through the shared <see cref="RunEngine"/>.
/// </summary>
internal static class CompareRunner
{
    /// <summary>The runs to do, ordered by policy (as given) then seed: seeds are scenario.Seed, +1, +2, ...</summary>
    public static IReadOnlyList<Scenario> Plan(Scenario scenario, IReadOnlyList<string> policies, int seeds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        return [.. policies.SelectMany(p => Enumerable.Range(0, seeds).Select(i => scenario with { PolicyName = p, Seed = scenario.Seed + i }))];
    }

    /// <summary>Runs <paramref name="plan"/> with at most <paramref name="concurrency"/> simulations at a time; results in plan order.</summary>
    /// <exception cref="DivergenceException">A run blew up; the message names its policy and seed. The other runs are cancelled.</exception>
    public static IReadOnlyList<CompareRun> Run(IReadOnlyList<Scenario> plan, Dataset train, Dataset test, IGemm gemm,
        int concurrency, ICompareProgress progress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        return RunEngine.Execute(plan.Count, concurrency, (i, token) =>
        {
            (SimulationResult result, double wall) = RunEngine.Simulate(plan[i], $"{plan[i].PolicyName} seed {plan[i].Seed}",
                train, test, gemm, progress.Started(i), time, token);
            return new CompareRun(result, wall);
        }, progress.Finished);
    }
}
