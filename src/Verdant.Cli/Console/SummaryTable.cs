using System.Globalization;
using Spectre.Console;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Console;

/// <summary>The end-of-run table of headline numbers.</summary>
internal static class SummaryTable
{
    public static Table Build(SimulationResult r, double wallSeconds, string outputDirectory)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Verdant run: {Markup.Escape(r.Scenario)} / {Markup.Escape(r.Policy)} / seed {r.Seed}");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        Add(table, "rounds", r.Rounds.Count.ToString(CultureInfo.InvariantCulture));
        Add(table, "stop reason", r.StopReason);
        Add(table, "simulated time", F($"{r.SimulatedHours:0.0} h"));
        Add(table, "test accuracy (participants' average model)", F($"{r.Final.TestAccuracy:0.0000}"));
        Add(table, "validation accuracy (stopping reads it)", F($"{r.Final.ValidationAccuracy:0.0000}"));
        Add(table, "participants", r.Final.Participants.ToString(CultureInfo.InvariantCulture));
        Add(table, "consensus distance (participants)", F($"{r.Final.ConsensusDistance:0.000e0}"));
        Add(table, "time to target", r.TimeToTargetHours is { } t ? F($"{t:0.0} h") : "not reached");
        Add(table, "energy total", F($"{r.Energy.TotalKwh:0.00} kWh"));
        Add(table, "  renewable / battery / grid", F($"{r.Energy.RenewableKwh:0.00} / {r.Energy.BatteryKwh:0.00} / {r.Energy.GridKwh:0.00} kWh"));
        Add(table, "  compute / network / idle", F($"{r.Energy.ComputeKwh:0.00} / {r.Energy.NetworkKwh:0.00} / {r.Energy.IdleKwh:0.00} kWh"));
        Add(table, "carbon", F($"{r.Energy.CarbonKg:0.000} kg CO2eq"));
        Add(table, "bytes sent", F($"{r.BytesSent / 1e9:0.0} GB"));
        Add(table, "node-rounds", r.NodeRounds.ToString(CultureInfo.InvariantCulture));
        Add(table, "wall time", F($"{wallSeconds:0.0} s"));
        Add(table, "output", outputDirectory);
        return table;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Add(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
}
