using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Output;

/// <summary>
/// Writes a run's files (summary.json, rounds.csv, energy.csv, decisions.csv) into a fresh temporary folder beside the
/// destination and moves them in only when all are written, so a failure never leaves half a run behind.
/// </summary>
internal static class RunFiles
{
    public static void Write(string directory, SimulationResult result, RunInfo info)
        => StagedDirectory.Write(directory, staging => WriteInto(staging, result, info));

    /// <summary>Writes the run's files into <paramref name="directory"/> directly (the caller stages it).</summary>
    public static void WriteInto(string directory, SimulationResult result, RunInfo info)
    {
        Directory.CreateDirectory(directory);
        WriteText(directory, "summary.json", w => SummaryJson.Write(w, result, info));
        WriteText(directory, "rounds.csv", w => WriteRounds(w, result));
        WriteText(directory, "energy.csv", w => WriteEnergy(w, result));
        WriteText(directory, "decisions.csv", w => WriteDecisions(w, result));
    }

    private static void WriteText(string directory, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(Path.Combine(directory, name), append: false, new System.Text.UTF8Encoding(false));
        write(writer);
    }

    private static void WriteRounds(TextWriter w, SimulationResult result)
    {
        Csv.Row(w, "round", "start_utc", "sim_hours", "duration_s", "active_units", "on_time_units", "train_loss", "test_accuracy", "test_loss",
            "compute_kwh", "idle_kwh", "network_kwh", "renewable_kwh", "battery_kwh", "grid_kwh", "carbon_g", "bytes_sent",
            "validation_accuracy", "wake_kwh");
        DateTimeOffset origin = result.Rounds.Count > 0 ? result.Rounds[0].StartUtc : default;
        foreach (RoundRecord r in result.Rounds)
        {
            Csv.Row(w, Csv.Number(r.Round), Csv.Time(r.StartUtc), Csv.Number((r.StartUtc - origin).TotalHours), Csv.Number(r.DurationS),
                Csv.Number(r.ActiveUnits), Csv.Number(r.OnTimeUnits), Csv.Number(r.TrainLoss), Csv.Number(r.TestAccuracy), Csv.Number(r.TestLoss),
                Csv.Number(r.ComputeKwh), Csv.Number(r.IdleKwh), Csv.Number(r.NetworkKwh), Csv.Number(r.RenewableKwh), Csv.Number(r.BatteryKwh),
                Csv.Number(r.GridKwh), Csv.Number(r.CarbonG), Csv.Number(r.BytesSent), Csv.Number(r.ValidationAccuracy),
                Csv.Number(r.WakeKwh));
        }
    }

    private static void WriteEnergy(TextWriter w, SimulationResult result)
    {
        Csv.Row(w, "site", "hour_utc", "demand_kwh", "renewable_available_kwh", "renewable_used_kwh", "grid_kwh",
            "battery_charge_kwh", "battery_discharge_kwh", "battery_soc_kwh", "intensity_g_per_kwh", "carbon_kg");
        foreach (SiteHourRecord r in result.EnergyRows)
        {
            Csv.Row(w, Csv.Text(result.SiteNames[r.Site]), Csv.Time(r.HourUtc), Csv.Number(r.DemandKwh), Csv.Number(r.RenewableAvailableKwh),
                Csv.Number(r.RenewableUsedKwh), Csv.Number(r.GridKwh), Csv.Number(r.BatteryChargeKwh), Csv.Number(r.BatteryDischargeKwh),
                Csv.Number(r.BatterySocKwh), Csv.Number(r.IntensityGPerKwh), Csv.Number(r.CarbonKg));
        }

        // Network energy is behind no site's meter: its own rows, all grid, so the file's demand still sums to the total.
        foreach (NetworkHourRecord r in result.NetworkRows)
        {
            Csv.Row(w, Csv.Text("network"), Csv.Time(r.HourUtc), Csv.Number(r.EnergyKwh), Csv.Number(0), Csv.Number(0),
                Csv.Number(r.EnergyKwh), Csv.Number(0), Csv.Number(0), Csv.Number(0), Csv.Number(r.IntensityGPerKwh),
                Csv.Number(r.CarbonKg));
        }
    }

    private static void WriteDecisions(TextWriter w, SimulationResult result)
    {
        Csv.Row(w, "time_utc", "round", "active_units", "active_sites", "spectral_gap", "noise_scale", "reason", "heterogeneity_scale");
        foreach (DecisionRecord d in result.Decisions)
        {
            Csv.Row(w, Csv.Time(d.TimeUtc), Csv.Number(d.Round), Csv.Number(d.ActiveUnits), Csv.Number(d.ActiveSites),
                Csv.Number(d.SpectralGap), Csv.Number(d.NoiseScale), Csv.Text(d.Reason), Csv.Number(d.HeterogeneityScale));
        }
    }
}
