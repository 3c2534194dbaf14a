namespace Verdant.Cli.Bench;

/// <summary>
/// One whole simulation (decisions, training, mixing, accounting, evaluation) at one size: its throughput and peak memory.
/// </summary>
/// <remarks>
/// node_steps_per_s = active node-rounds x local steps / wall seconds of <c>Simulation.Run</c>; setup (supplies, partition,
/// stacks) is timed apart in setup_s. peak_working_set_gib is the process's peak resident set during this case alone
/// (the kernel's high-water mark is reset before it), data set included.
/// </remarks>
internal sealed record SimulationCase(
    string Model,
    int Units,
    int Rounds,
    long NodeSteps,
    double SetupS,
    double RunS,
    double NodeStepsPerS,
    double PeakWorkingSetGib,
    string? Skipped = null)
{
    /// <summary>The allocation policy the generated scenario runs (greenest-k unless the case names another).</summary>
    public string Policy { get; init; } = SimulationBench.DefaultPolicy;

    /// <summary>Tells these cases from the training cases in the JSON "cases" list.</summary>
    public string Kind { get; } = "simulation";
}
