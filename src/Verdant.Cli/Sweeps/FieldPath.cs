using System.Globalization;
using System.Text.RegularExpressions;
using Verdant.Core.Policies;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Sweeps;

/// <summary>
/// A path to one field of a scenario YAML: keys separated by dots, each key optionally followed by list selectors, a
/// zero-based index or the <c>name</c> of an entry: <c>seed</c>, <c>training.learning_rate</c>,
/// <c>sites[0].battery.capacity_kwh</c>, <c>sites[oslo].units</c>. Setting a path replaces the value there, creating the
/// mappings on its way that the scenario leaves out; the scenario loader then validates the result as it would a file.
/// </summary>
internal sealed partial class FieldPath
{
    private readonly Segment[] _segments;

    private FieldPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; a malformed path throws <see cref="FieldPathException"/> naming it.</summary>
    public static FieldPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('.');
        var segments = new Segment[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            Match m = SegmentPattern().Match(parts[i]);
            if (!m.Success)
            {
                throw new FieldPathException(
                    $"'{text}': not a field path (keys separated by dots, each optionally followed by [index] or [name], e.g. sites[0].battery.capacity_kwh)");
            }

            segments[i] = new Segment(m.Groups["key"].Value, [.. m.Groups["sel"].Captures.Select(c => c.Value)]);
        }

        return new FieldPath(text, segments);
    }

    /// <summary>Sets the field at this path under <paramref name="root"/> to <paramref name="value"/>.</summary>
    /// <exception cref="FieldPathException">The path crosses a value that is not a mapping or a list, or selects no entry.</exception>
    public void Set(YamlMappingNode root, YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(value);
        YamlMappingNode map = root;
        string walked = string.Empty;
        for (int i = 0; i < _segments.Length; i++)
        {
            Segment s = _segments[i];
            walked = walked.Length == 0 ? s.Key : $"{walked}.{s.Key}";
            bool last = i == _segments.Length - 1;
            if (last && s.Selectors.Length == 0)
            {
                map.Children[new YamlScalarNode(s.Key)] = value;
                return;
            }

            YamlNode child = Child(map, s.Key, walked, creating: s.Selectors.Length == 0);
            for (int j = 0; j < s.Selectors.Length; j++)
            {
                (child, walked) = Select(child, s.Selectors[j], walked, setTo: last && j == s.Selectors.Length - 1 ? value : null);
            }

            if (last)
            {
                return;
            }

            map = child as YamlMappingNode
                ?? throw new FieldPathException($"'{Text}': {walked} is {Describe(child)} in the scenario, not a mapping with a field {_segments[i + 1].Key}");
        }
    }

    private YamlNode Child(YamlMappingNode map, string key, string walked, bool creating)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child) && child is not YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return child;
        }

        if (!creating)
        {
            throw new FieldPathException($"'{Text}': the scenario has no list {walked}");
        }

        var created = new YamlMappingNode();
        map.Children[new YamlScalarNode(key)] = created;
        return created;
    }

    private (YamlNode Entry, string Walked) Select(YamlNode node, string selector, string walked, YamlNode? setTo)
    {
        if (node is not YamlSequenceNode list)
        {
            throw new FieldPathException($"'{Text}': {walked} is {Describe(node)} in the scenario, not a list, so [{selector}] selects nothing");
        }

        int index = int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : IndexByName(list, selector, walked);
        if (index >= list.Children.Count)
        {
            throw new FieldPathException($"'{Text}': {walked} has {list.Children.Count} entries (indices 0 to {list.Children.Count - 1}), so [{selector}] selects none");
        }

        if (setTo is not null)
        {
            list.Children[index] = setTo;
        }

        return (list.Children[index], $"{walked}[{selector}]");
    }

    private int IndexByName(YamlSequenceNode list, string name, string walked)
    {
        string?[] names = [.. list.Children.Select(c => c is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out YamlNode? v)
            ? (v as YamlScalarNode)?.Value : null)];
        int index = Array.IndexOf(names, name);
        return index >= 0 ? index : throw new FieldPathException(
            $"'{Text}': no entry of {walked} is named '{name}'{NameSuggestion.Hint(names.OfType<string>(), name)}; names: {string.Join(", ", names.OfType<string>())}");
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"the value '{s.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)(\[(?<sel>[A-Za-z0-9_\-]+)\])*$")]
    private static partial Regex SegmentPattern();

    private sealed record Segment(string Key, string[] Selectors);
}
