using System.Globalization;
using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Energy.Import;
using Verdant.Core.Models;
using Verdant.Core.Policies;
using Verdant.Core.Simulation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Scenarios;

/// <summary>
/// Reads and validates a scenario YAML file into Core's <see cref="Scenario"/>. Every problem is one
/// <see cref="ScenarioException"/> naming the file, the field and the line; nothing is run before the whole file is valid.
/// The format is documented in docs/scenarios.md and by the commented scenarios/default.yaml.
/// </summary>
internal static partial class ScenarioLoader
{
    public const string DefaultDataDirectory = "/usr/share/datasets/fashion-mnist";

    // About a twentieth of the default scenario's work to target (docs/simulation.md, "Evaluation cadence").
    private const int DefaultEvaluationNodeRounds = 120;

    public static LoadedScenario Load(TextReader reader, string source, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string text = reader.ReadToEnd();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ScenarioException($"{source}: not valid YAML at line {ErrorLine(ex, text)}: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's node loader throws this, without a position, on an event it has no node for (found by fuzzing).
            throw new ScenarioException($"{source}: not valid YAML: {SizeLimits.PlainMessage(ex)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
            throw new ScenarioException($"{source}: not valid YAML: the file ends inside a [ list ] or {{ mapping }} that is never closed");
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException($"{source}: the file is empty");
        }

        YamlNode top = stream.Documents[0].RootNode;
        if (top is not YamlMappingNode)
        {
            string got = top is YamlSequenceNode ? "a list" : "a single value";
            throw new ScenarioException(
                $"{source}: the top level must be a mapping of keys (name, sites, model, training, ...), got {got} (line {top.Start.Line})");
        }

        YamlMap root = YamlMap.From(top, string.Empty, source);
        var context = new LoadContext(source, baseDirectory ?? Directory.GetCurrentDirectory());
        Scenario scenario = ReadScenario(root, context);
        string dataDir = root.Map("data") is { } data ? ReadData(data, context) : DefaultDataDirectory;
        root.RejectUnknownKeys();
        return new LoadedScenario(scenario, dataDir, source)
        {
            Warnings = context.Warnings,
            DataDirectoryOrigin = dataDir == DefaultDataDirectory ? null : $"{source}: data.dir",
        };
    }

    private static Scenario ReadScenario(YamlMap root, LoadContext context)
    {
        string name = root.String("name", "unnamed")!;
        int seed = root.Int("seed", 42, 0);
        DateTimeOffset start = ReadStart(root);
        // Imported series are read onto the run's hourly horizon, which the deadline fixes: read stop before the sites.
        StopRule stop = ReadStop(Required(root, "stop"));
        CheckRepresentable(root, start, stop);
        // The copy shares the warning list (a record copy is shallow), so warnings reach the LoadedScenario.
        List<Site> sites = ReadSites(root, context with { Horizon = SeriesHorizon(start, stop) });
        YamlMap model = Required(root, "model");
        YamlMap training = Required(root, "training");
        YamlMap policy = root.Map("policy") ?? Empty(root, "policy");
        int units = sites.Sum(s => s.Units);
        InactivePower inactive = Choice(policy, "inactive", InactiveChoices, "off");
        RoundDeadline deadline = Choice(training, "round_deadline", Deadlines, "wait-all");
        YamlMap? evaluation = root.Map("evaluation");
        ModelSpec modelSpec = ReadModel(model);
        SgdOptions trainingOptions = ReadTraining(training);
        var scenario = new Scenario(
            name, start, sites, modelSpec, ReadPartition(root.Map("partition")), ReadTopology(root.Map("topology")),
            trainingOptions, ReadWorkload(Required(root, "workload"), modelSpec, trainingOptions), ReadPolicyName(policy), ReadPolicy(policy, units),
            stop, ReadNetwork(root.Map("network")), seed, evaluation?.Int("every_node_rounds", DefaultEvaluationNodeRounds, 1) ?? DefaultEvaluationNodeRounds)
        {
            ValidationExamples = evaluation?.Int("validation_examples", 5000, 1) ?? 5000,
            Forecast = ReadForecast(root.Map("forecast")),
            Inactive = inactive,
            Deadline = deadline,
        };
        evaluation?.RejectUnknownKeys();
        CheckQuadraticSizes(root, scenario, units);
        return scenario;
    }

    private static void CheckQuadraticSizes(YamlMap root, Scenario scenario, int units)
    {
        if (SizeLimits.TooManyUnits(units, scenario.Topology.Kind) is { } topology)
        {
            throw new ScenarioException($"{root.Source}: topology.kind: the fleet's {topology}");
        }

        if (SizeLimits.TooManyUnitsForPolicy(units, scenario.PolicyName, scenario.Topology.Kind, scenario.Sites.Count) is { } policy)
        {
            throw new ScenarioException($"{root.Source}: policy.name: the fleet's {policy}");
        }
    }

    /// <summary>
    /// The line of a YAML error. End is where the problem was found (Start is where the construct being read began), but
    /// YamlDotNet reports a tab used as indentation at line 1, so that one is found in the text.
    /// </summary>
    private static long ErrorLine(YamlException ex, string text)
    {
        if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            string[] lines = text.Split('\n');
            int tabbed = Array.FindIndex(lines, l => l.TrimStart(' ').StartsWith('\t'));
            if (tabbed >= 0)
            {
                return tabbed + 1;
            }
        }

        return ex.End.Line;
    }

    private static DateTimeOffset ReadStart(YamlMap root)
    {
        string? text = root.String("start");
        if (text is null)
        {
            return new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset start))
        {
            throw new ScenarioException($"{root.Source}: start: must be an ISO 8601 time such as 2026-06-21T00:00:00Z, got '{text}'");
        }

        start = start.ToUniversalTime();
        if (start.Minute != 0 || start.Second != 0 || start.Millisecond != 0)
        {
            throw new ScenarioException($"{root.Source}: start: must be on a whole hour (UTC), got '{text}'");
        }

        return start;
    }

    /// <summary>
    /// The run's hours (deadline, the 48 h forecast margin, and a year of slack for weekly tiling and calendar look-ups)
    /// must be representable times: DateTimeOffset ends on 9999-12-31.
    /// </summary>
    private static void CheckRepresentable(YamlMap root, DateTimeOffset start, StopRule stop)
    {
        double hours = stop.DeadlineHours + SeriesMarginHours + (366 * 24);
        if (hours >= (DateTimeOffset.MaxValue - start).TotalHours)
        {
            string text = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            throw root.Fail("start", string.Create(CultureInfo.InvariantCulture,
                $"{text} plus the run's horizon (stop.deadline_hours {stop.DeadlineHours} h and margins) passes the last representable time, 9999-12-31; use an earlier start"));
        }
    }

    private static YamlMap Required(YamlMap parent, string key)
        => parent.Map(key) ?? throw new ScenarioException($"{parent.Source}: {parent.Sub(key)}: is required");

    private static YamlMap Empty(YamlMap parent, string key)
        => new(new YamlMappingNode(), parent.Sub(key), parent.Source);

    private static string ReadData(YamlMap data, LoadContext context)
    {
        string dir = data.String("dir", DefaultDataDirectory)!;
        data.RejectUnknownKeys();
        return context.Resolve(dir);
    }

    private sealed record LoadContext(string Source, string BaseDirectory)
    {
        /// <summary>The hourly grid imported series are resampled onto; set once stop.deadline_hours is known.</summary>
        public SeriesGrid Horizon { get; init; } = SeriesGrid.Hourly(DateTimeOffset.UnixEpoch, 1);

        /// <summary>Warnings raised while importing series (short gaps filled, periods repeated), in file order.</summary>
        public List<string> Warnings { get; } = [];

        public string Resolve(string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, path));
    }
}
