using Verdant.Cli.Compare;

namespace Verdant.Cli.Output;

/// <summary>
/// Writes a comparison's files (compare.csv, pareto.png, and each run's own files under runs/POLICY-seedS/) into a
/// staging folder beside the destination and moves them in only when all are written, like <see cref="RunFiles"/>.
/// </summary>
internal static class CompareFiles
{
    public const string Header =
        "policy,seed,reached_target,time_to_target_h,final_accuracy,energy_kwh,grid_kwh,carbon_kg,bytes_sent,node_rounds,simulated_hours,rounds,stop_reason";

    public static void Write(string directory, IReadOnlyList<CompareRun> runs, string scenarioSource, double targetAccuracy, byte[] paretoPng)
    {
        ArgumentNullException.ThrowIfNull(runs);
        StagedDirectory.Write(directory, staging =>
        {
            using (var writer = new StreamWriter(Path.Combine(staging, "compare.csv"), append: false, new System.Text.UTF8Encoding(false)))
            {
                WriteCsv(writer, runs.Select(r => r.Row));
            }

            File.WriteAllBytes(Path.Combine(staging, "pareto.png"), paretoPng);
            foreach (CompareRun run in runs)
            {
                // Each simulation ran on one worker thread.
                RunFiles.WriteInto(Path.Combine(staging, "runs", run.FolderName), run.Result,
                    new RunInfo(scenarioSource, run.WallSeconds, targetAccuracy, Workers: 1));
            }
        });
    }

    /// <summary>compare.csv: the header, then one row per run; an empty time_to_target_h when the target was not reached.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header + "\n");
        foreach (CompareRow r in rows)
        {
            Csv.Row(writer, Cells(r));
        }
    }

    /// <summary>The cells of one compare.csv row, in <see cref="Header"/> order.</summary>
    public static string[] Cells(CompareRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return [Csv.Text(r.Policy), Csv.Number(r.Seed), r.ReachedTarget ? "true" : "false",
            Csv.Number(r.TimeToTargetHours ?? double.NaN), Csv.Number(r.FinalAccuracy), Csv.Number(r.EnergyKwh),
            Csv.Number(r.GridKwh), Csv.Number(r.CarbonKg), Csv.Number(r.BytesSent), Csv.Number(r.NodeRounds),
            Csv.Number(r.SimulatedHours), Csv.Number(r.Rounds), Csv.Text(r.StopReason)];
    }

    // A fresh destination is one rename; an existing one receives the new files, replacing those of the same name.
}
