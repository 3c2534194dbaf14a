using Verdant.Cli.Scenarios;
using Verdant.Core.Policies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Sweeps;

/// <summary>
/// A sweep file (docs/sweeps.md): a base scenario, fields set in every run (<c>set</c>), and the runs: every combination of
/// the <c>grid</c>'s values crossed with every entry of the <c>runs</c> list (either may be left out). Values are YAML
/// nodes, so a field may be set to a number, a text, a list or a whole mapping.
/// </summary>
internal sealed record SweepSpec(
    string Name,
    string? ScenarioPath,
    IReadOnlyList<(FieldPath Path, YamlNode Value)> Set,
    IReadOnlyList<(FieldPath Path, IReadOnlyList<YamlNode> Values)> Grid,
    IReadOnlyList<IReadOnlyList<(FieldPath Path, YamlNode Value)>> Runs)
{
    private static readonly string[] Keys = ["name", "scenario", "set", "grid", "runs"];

    /// <summary>Reads a sweep file; every problem is a <see cref="ScenarioException"/> naming the file, the key and the line.</summary>
    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException($"sweep file not found: {path}");
        }

        string source = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ScenarioException($"{source}: not valid YAML at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioException($"{source}: must be a mapping with grid: and/or runs: (docs/sweeps.md)");
        }

        return Read(root, source, Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path));
    }

    private static SweepSpec Read(YamlMappingNode root, string source, string directory, string fallbackName)
    {
        foreach (YamlNode key in root.Children.Keys)
        {
            string k = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!Keys.Contains(k))
            {
                throw Error(source, k, key, $"unknown key{NameSuggestion.Hint(Keys, k)}; known keys: {string.Join(", ", Keys)}");
            }
        }

        string name = Scalar(root, "name", source) ?? fallbackName;
        string? scenario = Scalar(root, "scenario", source) is { } s ? Path.GetFullPath(Path.Combine(directory, s)) : null;
        var set = Get(root, "set") is { } setNode ? Pairs(Mapping(setNode, "set", source), "set", source) : [];
        var grid = Get(root, "grid") is { } gridNode ? GridOf(Mapping(gridNode, "grid", source), source) : [];
        var runs = Get(root, "runs") is { } runsNode ? RunsOf(runsNode, source) : [];
        if (grid.Count == 0 && runs.Count == 0)
        {
            throw new ScenarioException($"{source}: needs grid: (fields and their values) or runs: (a list of field settings), or both");
        }

        return new SweepSpec(name, scenario, set, grid, runs);
    }

    private static List<(FieldPath, IReadOnlyList<YamlNode>)> GridOf(YamlMappingNode grid, string source)
    {
        var axes = new List<(FieldPath, IReadOnlyList<YamlNode>)>();
        foreach ((YamlNode key, YamlNode value) in grid.Children)
        {
            string path = ((YamlScalarNode)key).Value ?? string.Empty;
            if (value is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                throw Error(source, $"grid.{path}", value, "must be a non-empty list of values, e.g. [0.05, 0.1]");
            }

            axes.Add((PathOf(path, $"grid.{path}", key, source), list.Children.ToArray()));
        }

        return axes;
    }

    private static List<IReadOnlyList<(FieldPath, YamlNode)>> RunsOf(YamlNode node, string source)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            throw Error(source, "runs", node, "must be a non-empty list of mappings from field paths to values");
        }

        return [.. list.Children.Select((entry, i) => (IReadOnlyList<(FieldPath, YamlNode)>)Pairs(Mapping(entry, $"runs[{i}]", source), $"runs[{i}]", source))];
    }

    private static List<(FieldPath, YamlNode)> Pairs(YamlMappingNode map, string where, string source)
        => [.. map.Children.Select(kv => (PathOf(((YamlScalarNode)kv.Key).Value ?? string.Empty, $"{where}.{((YamlScalarNode)kv.Key).Value}", kv.Key, source), kv.Value))];

    private static FieldPath PathOf(string text, string where, YamlNode node, string source)
    {
        try
        {
            return FieldPath.Parse(text);
        }
        catch (FieldPathException ex)
        {
            throw Error(source, where, node, ex.Message);
        }
    }

    private static YamlNode? Get(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is not YamlScalarNode { Value: null or "" or "~" or "null" } ? node : null;

    private static string? Scalar(YamlMappingNode map, string key, string source) => Get(map, key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        YamlNode other => throw Error(source, key, other, "must be a text value"),
    };

    private static YamlMappingNode Mapping(YamlNode node, string where, string source)
        => node as YamlMappingNode ?? throw Error(source, where, node, "must be a mapping from field paths (e.g. sites[0].battery.capacity_kwh) to values");

    private static ScenarioException Error(string source, string where, YamlNode node, string problem)
        => new($"{source}: {where}: {problem} (line {node.Start.Line})");
}
