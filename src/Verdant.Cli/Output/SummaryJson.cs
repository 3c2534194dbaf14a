using System.Text.Json;
using Verdant.Core.Consensus;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Output;

/// <summary>
/// summary.json: the run's headline numbers, keys in a fixed order so that two runs of the same seed differ only in
/// wall_seconds.
/// </summary>
internal static class SummaryJson
{
    /// <summary>
    /// The summary of a run that blew up: what identifies it, <c>"status": "diverged"</c>, and the round, unit and message
    /// (<c>diverged.round</c>, <c>diverged.unit</c>, <c>diverged.message</c>); no headline numbers, as it has none.
    /// </summary>
    public static void WriteDiverged(TextWriter writer, Scenario scenario, DivergenceException blowUp, RunInfo info)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(blowUp);
        ArgumentNullException.ThrowIfNull(info);
        WriteObject(writer, json =>
        {
            WriteIdentity(json, scenario.Name, scenario.PolicyName, scenario.Seed, info);
            json.WriteString("status", DivergedStatus);
            json.WriteNumber("wall_seconds", Math.Round(info.WallSeconds, 3));
            NullableNumber(json, "target_accuracy", info.TargetAccuracy);
            json.WriteStartObject("diverged");
            json.WriteNumber("round", blowUp.Round);
            json.WriteNumber("unit", blowUp.Node);
            json.WriteString("message", blowUp.Message);
            json.WriteEndObject();
        });
    }

    /// <summary>The <c>status</c> of a run that blew up; a finished run's summary has no status field.</summary>
    public const string DivergedStatus = "diverged";

    public static void Write(TextWriter writer, SimulationResult r, RunInfo info)
    {
        WriteObject(writer, json =>
        {
            WriteIdentity(json, r.Scenario, r.Policy, r.Seed, info);
            json.WriteNumber("rounds", r.Rounds.Count);
            json.WriteString("stop_reason", r.StopReason);
            json.WriteNumber("simulated_hours", r.SimulatedHours);
            json.WriteNumber("wall_seconds", Math.Round(info.WallSeconds, 3));
            WriteFinal(json, r.Final);
            NullableNumber(json, "target_accuracy", info.TargetAccuracy);
            NullableNumber(json, "time_to_target_hours", r.TimeToTargetHours);
            json.WriteStartObject("energy_kwh");
            json.WriteNumber("total", r.Energy.TotalKwh);
            json.WriteNumber("renewable", r.Energy.RenewableKwh);
            json.WriteNumber("battery", r.Energy.BatteryKwh);
            json.WriteNumber("grid", r.Energy.GridKwh);
            json.WriteNumber("compute", r.Energy.ComputeKwh);
            json.WriteNumber("network", r.Energy.NetworkKwh);
            json.WriteNumber("idle", r.Energy.IdleKwh);
            json.WriteNumber("wake", r.Energy.WakeKwh);
            json.WriteEndObject();
            json.WriteNumber("carbon_kg", r.Energy.CarbonKg);
            // Wake-ups are the price of starting computation, so they count with compute; the three parts sum to carbon_kg.
            json.WriteStartObject("carbon_kg_by_use");
            json.WriteNumber("compute", r.Energy.CarbonKgByUse.ComputeKg + r.Energy.CarbonKgByUse.WakeKg);
            json.WriteNumber("idle", r.Energy.CarbonKgByUse.IdleKg);
            json.WriteNumber("network", r.Energy.CarbonKgByUse.NetworkKg);
            json.WriteEndObject();
            WriteCarbonIntensity(json, r.SiteNames, info.GridIntensityLabels);
            json.WriteNumber("bytes_sent", r.BytesSent);
            // Learning dynamics come from the trained model; time, energy and bytes from the represented job.
            WriteJob(json, "trained_model", r.TrainedModel);
            WriteJob(json, "represented_job", r.RepresentedJob);
            json.WriteNumber("node_rounds", r.NodeRounds);
            if (info.Mode == "cluster")
            {
                WriteRealMode(json, info);
            }
        });
    }

    // One indented JSON object and a newline; the body writes its fields.
    private static void WriteObject(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    // The fields that identify a run, first in every summary, finished or diverged.
    private static void WriteIdentity(Utf8JsonWriter json, string scenario, string policy, int seed, RunInfo info)
    {
        json.WriteString("scenario", scenario);
        json.WriteString("scenario_source", info.ScenarioSource);
        json.WriteString("policy", policy);
        json.WriteString("mode", info.Mode);
        json.WriteNumber("seed", seed);
    }

    /// <summary>
    /// The deployed model (average over the units that participated) on the test set, its validation accuracy (what
    /// stopping read), the local models' spread and consensus distances: over participants (consensus_distance), the last
    /// active set and all nodes.
    /// </summary>
    private static void WriteFinal(Utf8JsonWriter json, FinalMetrics final)
    {
        json.WriteStartObject("final");
        Number(json, "test_accuracy", final.TestAccuracy);
        Number(json, "test_loss", final.TestLoss);
        Number(json, "validation_accuracy", final.ValidationAccuracy);
        json.WriteNumber("participants", final.Participants);
        json.WriteStartObject("local_accuracy");
        Number(json, "mean", final.LocalAccuracy.Mean);
        Number(json, "min", final.LocalAccuracy.Min);
        Number(json, "p10", final.LocalAccuracy.P10);
        if (final.LocalAccuracy.Sampled)
        {
            // Only above LocalAccuracy.ExactLimit participants, so smaller runs keep their bytes.
            json.WriteNumber("evaluated", final.LocalAccuracy.Evaluated);
        }

        json.WriteEndObject();
        Number(json, "consensus_distance", final.ConsensusDistance);
        Number(json, "consensus_distance_participants", final.ConsensusDistance);
        Number(json, "consensus_distance_active", final.ConsensusDistanceActive);
        Number(json, "consensus_distance_all", final.ConsensusDistanceAll);
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>"carbon_intensity": {"kind": ..., "sites": {...}}</c>: the label every site shares, or <c>mixed</c>, so a reader
    /// knows whether carbon counts average or marginal, direct or life-cycle emissions; <c>unknown</c> without labels.
    /// </summary>
    private static void WriteCarbonIntensity(Utf8JsonWriter json, IReadOnlyList<string> sites, IReadOnlyList<string> labels)
    {
        json.WriteStartObject("carbon_intensity");
        string kind = labels.Count == 0 ? "unknown" : labels.Distinct(StringComparer.Ordinal).Count() == 1 ? labels[0] : "mixed";
        json.WriteString("kind", kind);
        json.WriteStartObject("sites");
        for (int i = 0; i < Math.Min(sites.Count, labels.Count); i++)
        {
            json.WriteString(sites[i], labels[i]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A cluster run's clock and meters: <c>time_scale</c> (null: the modelled clock), <c>energy_source</c> per site
    /// (rapl, modelled, mixed or simulated) with the reason where RAPL was not used, and rounds cut at the series' end.
    /// </summary>
    private static void WriteRealMode(Utf8JsonWriter json, RunInfo info)
    {
        NullableNumber(json, "time_scale", info.TimeScale);
        json.WriteStartObject("energy_source");
        foreach (var site in info.EnergySources)
        {
            json.WriteString(site.Site, site.Source);
        }

        json.WriteEndObject();
        json.WriteStartObject("energy_source_reasons");
        foreach (var site in info.EnergySources.Where(s => s.Reason is not null))
        {
            json.WriteString(site.Site, site.Reason);
        }

        json.WriteEndObject();
        json.WriteNumber("truncated_rounds", info.TruncatedRounds);
    }

    private static void WriteJob(Utf8JsonWriter json, string name, JobDescription? job)
    {
        if (job is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("description", job.Description);
        json.WriteNumber("parameters", job.Parameters);
        json.WriteBoolean("parameters_implied", job.ParametersImplied);
        json.WriteNumber("flops_per_step", job.FlopsPerStep);
        json.WriteNumber("message_bytes", job.MessageBytes);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void NullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            Number(json, name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
