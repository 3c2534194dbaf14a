using System.Text.Json;
using Verdant.Cli.Output;
using Verdant.Core.Consensus;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Engine;

/// <summary>
/// The folder of one finished run in a workspace: the run's own files (summary.json, rounds.csv, ...), run.json (key,
/// label, scenario hash, parameters) and, for sweeps, the effective scenario.yaml. Written into a staging folder and
/// renamed into place in one step, so a folder under DIR/runs is always a complete run.
/// </summary>
internal static class RunFolder
{
    public const string RunJson = "run.json";
    public const string SummaryJson = "summary.json";
    public const string ScenarioYaml = "scenario.yaml";

    /// <summary>Whether <paramref name="directory"/> holds a complete run.</summary>
    public static bool IsComplete(string directory)
        => File.Exists(Path.Combine(directory, RunJson)) && File.Exists(Path.Combine(directory, SummaryJson));

    public static void Write(string directory, string stagingRoot, PlannedRun run, SimulationResult result, RunInfo info)
        => Write(directory, stagingRoot, run, staging => RunFiles.WriteInto(staging, result, info));

    /// <summary>
    /// The folder of a run that blew up: run.json and a summary.json with <c>"status": "diverged"</c> and the round, unit
    /// and message (<see cref="Output.SummaryJson.WriteDiverged"/>), so the batch records it as a failed point and goes on; a
    /// later session does not rerun it.
    /// </summary>
    public static void WriteDiverged(string directory, string stagingRoot, PlannedRun run, Scenario scenario, DivergenceException blowUp,
        RunInfo info)
        => Write(directory, stagingRoot, run, staging =>
        {
            Directory.CreateDirectory(staging);
            using var writer = new StreamWriter(Path.Combine(staging, SummaryJson), append: false, new System.Text.UTF8Encoding(false));
            Output.SummaryJson.WriteDiverged(writer, scenario, blowUp, info);
        });

    private static void Write(string directory, string stagingRoot, PlannedRun run, Action<string> writeFiles)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(stagingRoot);
        string staging = Path.Combine(stagingRoot, $"{run.Key.Replace('/', '_')}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        try
        {
            writeFiles(staging);
            File.WriteAllBytes(Path.Combine(staging, RunJson), RunJsonBytes(run));
            if (run.EffectiveYaml is { } yaml)
            {
                File.WriteAllText(Path.Combine(staging, ScenarioYaml), yaml);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
            if (Directory.Exists(directory))
            {
                // An incomplete folder (a copy interrupted by hand, say) is replaced; complete ones are never rerun.
                Directory.Delete(directory, recursive: true);
            }

            Directory.Move(staging, directory);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static byte[] RunJsonBytes(PlannedRun run)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("key", run.Key);
            json.WriteString("label", run.Label);
            json.WriteString("scenario_hash", run.ScenarioHash);
            json.WriteString("scenario_source", run.ScenarioSource);
            json.WriteStartObject("parameters");
            foreach ((string path, string value) in run.Parameters)
            {
                json.WriteString(path, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
