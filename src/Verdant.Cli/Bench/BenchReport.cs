using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verdant.Cli.Bench;

/// <summary>
/// The benchmark's result: the machine's two rooflines, the naive baseline, one <see cref="BenchCase"/> per model and size,
/// and with --scale one <see cref="SimulationCase"/> per whole simulation.
/// </summary>
/// <remarks>
/// Serialized with snake_case names, the shape of docs/bench.json; rates are per second of wall time. Cases are typed
/// object so that each serializes with its own fields; "kind" tells them apart. A --simulation run measures no roofline
/// and reports 0 for them.
/// </remarks>
internal sealed record BenchReport(
    double SgemmGflops,
    double StreamGbs,
    double NaiveNodeStepsPerS,
    IReadOnlyList<object> Cases,
    int Threads,
    double NaiveSpeedup,
    double PeakWorkingSetGib)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The report as one indented JSON object.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One model at one node count: training rate, its FLOP rate, one gossip step's bandwidth, allocation per round.</summary>
internal sealed record BenchCase(
    string Model,
    int Nodes,
    double NodeStepsPerS,
    double TrainGflops,
    double TrainRooflineRatio,
    double MixGbs,
    double MixRooflineRatio,
    long BytesAllocatedPerRound,
    [property: JsonPropertyName("memory_per_node_bytes")] long MemoryPerNodeBytes)
{
    /// <summary>Tells these cases from the whole-simulation cases in the JSON "cases" list.</summary>
    public string Kind { get; } = "training";
}
