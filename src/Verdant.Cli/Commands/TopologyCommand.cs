using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Verdant.Cli.Console;
using Verdant.Cli.Scenarios;
using Verdant.Core.Consensus;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Policies;

namespace Verdant.Cli.Commands;

/// <summary>
/// `verdant topology NAME --nodes N [--json]`: degree, edges, Metropolis spectral gap and bytes per round of a graph
/// family, to inspect topologies before running. Families that need places (k-nearest, energy-sparse) get N seeded
/// random points on the sphere, link cost = great-circle distance.
/// </summary>
internal static class TopologyCommand
{
    private static readonly Argument<string> Name = new("name") { Description = $"Topology: {string.Join(", ", ScenarioLoader.TopologyNames)}" };

    private static readonly Option<int> Nodes = new("--nodes") { Description = "Number of nodes", Required = true };

    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object" };

    private static readonly Option<int> K = new("--k") { Description = "Neighbours (k-nearest)", DefaultValueFactory = _ => 3 };

    private static readonly Option<double> P = new("--p") { Description = "Edge probability (erdos-renyi)", DefaultValueFactory = _ => 0.2 };

    private static readonly Option<double> MinGap = new("--min-gap") { Description = "Spectral-gap target (energy-sparse)", DefaultValueFactory = _ => 0.1 };

    private static readonly Option<string> Model = new("--model") { Description = "Model whose copies are sent: logreg, or mlp:W1,W2 (e.g. mlp:128)", DefaultValueFactory = _ => "mlp:128" };

    public static Command Create(ConsoleUi ui)
    {
        var command = new Command("topology", "Inspect a topology: degree, edges, spectral gap, bytes per round")
        {
            Name, Nodes, Json, K, P, MinGap, Model, CommonOptions.Seed,
        };
        command.SetAction(parse => Guard.Run(ui, () => Execute(ui, parse.GetValue(Name)!, parse.GetValue(Nodes), parse.GetValue(Json),
            new TopologySpec(TopologyKind.Ring, parse.GetValue(P), parse.GetValue(K)) { MinSpectralGap = parse.GetValue(MinGap) },
            parse.GetValue(Model)!, parse.GetValue(CommonOptions.Seed) ?? 42)));
        return command;
    }

    private static int Execute(ConsoleUi ui, string name, int nodes, bool json, TopologySpec template, string model, int seed)
    {
        if (!ScenarioLoader.TryTopology(name, out TopologyKind kind))
        {
            string hint = NameSuggestion.Hint(ScenarioLoader.TopologyNames, name);
            throw new UsageException($"unknown topology '{name}'{hint}; known: {string.Join(", ", ScenarioLoader.TopologyNames)}");
        }

        if (nodes < 1)
        {
            throw new UsageException("--nodes: must be a positive whole number");
        }

        SizeLimits.CheckUnits(nodes, "--nodes");
        if (SizeLimits.TooManyUnits(nodes, kind, sited: false) is { } quadratic)
        {
            throw new UsageException($"--nodes: {quadratic}");
        }

        if (template.K < 1)
        {
            throw new UsageException($"--k: must be a positive whole number, got {template.K}");
        }

        if (!(template.EdgeProbability > 0 && template.EdgeProbability <= 1))
        {
            throw new UsageException($"--p: must be an edge probability in (0, 1], got {template.EdgeProbability.ToString(CultureInfo.InvariantCulture)}");
        }

        ModelSpec spec = ParseModel(model);
        var random = new Random(seed);
        GeoPoint[] points = Enumerable.Range(0, nodes).Select(_ => RandomPoint(random)).ToArray();
        Graph graph;
        try
        {
            graph = Topology.Build(template with { Kind = kind }, nodes, (a, b) => points[a].GreatCircleKm(points[b]), random);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{name} on {nodes} nodes: {SizeLimits.PlainMessage(ex)}", ex);
        }

        TopologyReport report = TopologyReport.Of(graph, 4L * spec.ParameterCount);
        if (json)
        {
            ui.Output.Profile.Out.Writer.WriteLine(ToJson(name, report));
        }
        else
        {
            ui.Output.Write(ToTable(name, spec, report));
        }

        return ExitCodes.Ok;
    }

    private static ModelSpec ParseModel(string text)
    {
        if (text.Equals("logreg", StringComparison.OrdinalIgnoreCase))
        {
            return ModelSpec.LogisticRegression(784, 10);
        }

        string[] parts = text.Split(':', 2);
        int[] widths = parts.Length == 2 && parts[0].Equals("mlp", StringComparison.OrdinalIgnoreCase)
            ? parts[1].Split(',').Select(w => int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : -1).ToArray()
            : [];
        return widths.Length > 0 && widths.All(w => w > 0)
            ? ModelSpec.Mlp(784, widths, 10)
            : throw new UsageException($"--model: expected logreg or mlp:W1,W2,..., got '{text}'");
    }

    private static GeoPoint RandomPoint(Random random)
        => new(double.RadiansToDegrees(Math.Asin((2 * random.NextDouble()) - 1)), (360 * random.NextDouble()) - 180);

    private static string ToJson(string name, TopologyReport r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("topology", name);
            w.WriteNumber("nodes", r.Nodes);
            w.WriteNumber("edges", r.Edges);
            w.WriteStartObject("degree");
            w.WriteNumber("min", r.MinDegree);
            w.WriteNumber("mean", r.MeanDegree);
            w.WriteNumber("max", r.MaxDegree);
            w.WriteEndObject();
            w.WriteNumber("spectral_gap", r.SpectralGap);
            w.WriteString("spectral_gap_method", r.Spectrum.Iterative ? "lanczos" : "dense");
            w.WriteNumber("spectral_gap_error_bound", r.Spectrum.ErrorBound);
            w.WriteNumber("message_bytes", r.MessageBytes);
            w.WriteNumber("bytes_per_round", r.BytesPerRound);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // Lanczos gaps say their bound; a small gap (a long ring) is printed in scientific notation instead of as 0.0000.
    private static string GapText(SpectralEstimate s)
    {
        string gap = s.Gap >= 1e-3 || s.Gap == 0 ? s.Gap.ToString("0.0000", CultureInfo.InvariantCulture) : s.Gap.ToString("0.###e+0", CultureInfo.InvariantCulture);
        if (s.Iterative && s.ErrorBound > MixingMatrix.LanczosTolerance)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"at most {gap} (Lanczos stopped at {s.Iterations} products; eigenvalue error <= {s.ErrorBound:0.#e+0})");
        }

        return s.Iterative
            ? string.Create(CultureInfo.InvariantCulture, $"{gap} (Lanczos, {s.Iterations} products, eigenvalue error <= {s.ErrorBound:0.#e+0})")
            : gap;
    }

    private static Table ToTable(string name, ModelSpec model, TopologyReport r)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{name}, {r.Nodes} nodes, {model}"));
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("edges", r.Edges.ToString(CultureInfo.InvariantCulture));
        table.AddRow("degree min / mean / max", string.Create(CultureInfo.InvariantCulture, $"{r.MinDegree} / {r.MeanDegree:0.##} / {r.MaxDegree}"));
        table.AddRow("spectral gap (Metropolis)", GapText(r.Spectrum));
        table.AddRow("bytes per round", string.Create(CultureInfo.InvariantCulture, $"{r.BytesPerRound / 1e6:0.###} MB ({r.MessageBytes / 1e3:0.#} kB per copy)"));
        return table;
    }
}
