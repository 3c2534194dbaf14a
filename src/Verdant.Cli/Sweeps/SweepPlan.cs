using System.Globalization;
using System.Text.RegularExpressions;
using Verdant.Cli.Engine;
using Verdant.Cli.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Sweeps;

/// <summary>
/// The runs of a sweep: for every entry of runs: (or one empty entry) and every combination of the grid's values (first
/// field outermost), the base scenario with set:, then the entry, then the combination applied; each run's effective
/// YAML is validated by the scenario loader before anything runs, and hashed.
/// </summary>
internal static partial class SweepPlan
{
    private sealed record Assignment(FieldPath Path, YamlNode Value, string Where, bool Varies);

    public static IReadOnlyList<PlannedRun> Build(SweepSpec spec, string sweepSource, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        (string baseText, string baseSource, string? baseDirectory) = BaseScenario(spec.ScenarioPath);
        List<Assignment[]> variants = Variants(spec);
        int width = Math.Max(4, variants.Count.ToString(CultureInfo.InvariantCulture).Length);
        var runs = new List<PlannedRun>(variants.Count);
        for (int i = 0; i < variants.Count; i++)
        {
            string key = $"run-{(i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}";
            runs.Add(Plan(key, variants[i], baseText, baseSource, baseDirectory, sweepSource, dataDirectory));
        }

        return runs;
    }

    private static PlannedRun Plan(string key, Assignment[] assignments, string baseText, string baseSource, string? baseDirectory,
        string sweepSource, string? dataDirectory)
    {
        (YamlStream stream, YamlMappingNode root) = Parse(baseText, baseSource);
        foreach (Assignment a in assignments)
        {
            try
            {
                a.Path.Set(root, a.Value);
            }
            catch (FieldPathException ex)
            {
                throw new ScenarioException($"{sweepSource}: {a.Where}: {ex.Message}");
            }
        }

        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        string text = writer.ToString();
        string varying = string.Join(" ", assignments.Where(a => a.Varies).Select(a => $"{a.Path.Text}={Display(a.Value)}"));
        LoadedScenario loaded = Load(text, baseSource, baseDirectory, $"{sweepSource}: {key} ({varying})");
        string data = dataDirectory ?? loaded.DataDirectory;
        return new PlannedRun(key, varying.Length == 0 ? key : $"{key} {varying}", RunWorkspace.Hash($"{text}\n# data: {data}\n"),
            [.. assignments.Select(a => KeyValuePair.Create(a.Path.Text, Display(a.Value)))], baseSource, data,
            () => Load(text, baseSource, baseDirectory, key).Scenario)
        {
            EffectiveYaml = text,
        };
    }

    // The base is parsed afresh for every run, so that no run's edits leak into another's.
    private static (YamlStream Stream, YamlMappingNode Root) Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ScenarioException($"{source}: not valid YAML at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? (stream, root)
            : throw new ScenarioException($"{source}: must be a mapping of keys to values");
    }

    private static LoadedScenario Load(string text, string baseSource, string? baseDirectory, string context)
    {
        try
        {
            return ScenarioLoader.Load(new StringReader(text), baseSource, baseDirectory);
        }
        catch (ScenarioException ex)
        {
            // Line numbers would point into the generated YAML, not into a file the user wrote.
            throw new ScenarioException($"{context}: {LineSuffix().Replace(ex.Message, string.Empty)}");
        }
    }

    private static List<Assignment[]> Variants(SweepSpec spec)
    {
        Assignment[] set = [.. spec.Set.Select(s => new Assignment(s.Path, s.Value, $"set.{s.Path.Text}", false))];
        IEnumerable<Assignment[]> entries = spec.Runs.Count == 0 ? [[]]
            : spec.Runs.Select((r, i) => r.Select(p => new Assignment(p.Path, p.Value, $"runs[{i}].{p.Path.Text}", true)).ToArray());
        var variants = new List<Assignment[]>();
        foreach (Assignment[] entry in entries)
        {
            foreach (Assignment[] combination in Combinations(spec.Grid, 0))
            {
                variants.Add([.. set, .. entry, .. combination]);
            }
        }

        return variants;
    }

    private static IEnumerable<Assignment[]> Combinations(IReadOnlyList<(FieldPath Path, IReadOnlyList<YamlNode> Values)> grid, int axis)
    {
        if (axis == grid.Count)
        {
            yield return [];
            yield break;
        }

        foreach (YamlNode value in grid[axis].Values)
        {
            var head = new Assignment(grid[axis].Path, value, $"grid.{grid[axis].Path.Text}", true);
            foreach (Assignment[] rest in Combinations(grid, axis + 1))
            {
                yield return [head, .. rest];
            }
        }
    }

    private static (string Text, string Source, string? Directory) BaseScenario(string? path)
    {
        if (path is null)
        {
            return (EmbeddedScenarios.DefaultText(), "(embedded default scenario)", null);
        }

        return File.Exists(path)
            ? (File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(path))
            : throw new ScenarioException($"scenario file not found: {path}");
    }

    /// <summary>A value as one line: a scalar as written, a list or mapping in YAML flow style.</summary>
    public static string Display(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode l => $"[{string.Join(", ", l.Children.Select(Display))}]",
        YamlMappingNode m => $"{{{string.Join(", ", m.Children.Select(kv => $"{Display(kv.Key)}: {Display(kv.Value)}"))}}}",
        _ => node.ToString(),
    };

    [GeneratedRegex(@" \(line \d+\)$")]
    private static partial Regex LineSuffix();
}
