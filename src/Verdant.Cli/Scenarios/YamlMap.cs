using System.Globalization;
using Verdant.Core.Policies;
using YamlDotNet.RepresentationModel;

namespace Verdant.Cli.Scenarios;

/// <summary>
/// A YAML mapping read with its path (sites[2].battery) so that every error names the field it is about; unknown keys
/// are errors, with the closest known key suggested.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, string source)
    {
        _node = node;
        Path = path;
        Source = source;
    }

    public string Path { get; }

    public string Source { get; }

    public static YamlMap From(YamlNode node, string path, string source) => node is YamlMappingNode map
        ? new YamlMap(map, path, source)
        : throw Error(source, path, node, "must be a mapping of keys to values");

    public bool Has(string key)
    {
        _known.Add(key);
        return Find(key) is not null and not YamlScalarNode { Value: null or "" or "~" or "null" };
    }

    public string? String(string key, string? fallback = null)
    {
        YamlNode? node = Find(key);
        _known.Add(key);
        if (node is null or YamlScalarNode { Value: null or "~" or "null" })
        {
            return fallback;
        }

        return node is YamlScalarNode scalar ? scalar.Value : throw Fail(key, node, "must be a text value");
    }

    public string RequiredString(string key) => String(key) is { Length: > 0 } value
        ? value
        : throw new ScenarioException($"{Source}: {Sub(key)}: is required");

    public double Double(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        string? text = String(key);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Fail(key, Find(key)!, $"must be a number, got '{text}'");
        }

        return value >= min && value <= max ? value : throw Fail(key, Find(key)!, RangeText(value, min, max));
    }

    public double RequiredDouble(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => Has(key) ? Double(key, 0, min, max) : throw new ScenarioException($"{Source}: {Sub(key)}: is required");

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        string? text = String(key);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Fail(key, Find(key)!, $"must be a whole number, got '{text}'");
        }

        return value >= min && value <= max ? value : throw Fail(key, Find(key)!, RangeText(value, min, max));
    }

    public bool Bool(string key, bool fallback)
    {
        string? text = String(key);
        return text is null ? fallback : text.ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Fail(key, Find(key)!, $"must be true or false, got '{text}'"),
        };
    }

    public YamlMap? Map(string key)
    {
        _known.Add(key);
        YamlNode? node = Find(key);
        return node is null or YamlScalarNode { Value: null or "~" or "null" } ? null : From(node, Sub(key), Source);
    }

    public IReadOnlyList<YamlNode> List(string key)
    {
        _known.Add(key);
        return Find(key) switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.ToArray(),
            YamlNode other => throw Fail(key, other, "must be a list"),
        };
    }

    public string Sub(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Throws for the first key that no reader asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                // A complex key (`? [a, b]`, or a mapping where a name belongs) can never be a known key (found by fuzzing).
                throw Error(Source, Path.Length == 0 ? "(top level)" : Path, keyNode, "keys must be plain names, got a list or mapping used as a key");
            }

            if (!_known.Contains(key))
            {
                string hint = NameSuggestion.Hint(_known, key);
                throw Error(Source, Sub(key), keyNode, $"unknown key{hint}; known keys: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    public ScenarioException Fail(string key, YamlNode node, string problem) => Error(Source, Sub(key), node, problem);

    /// <summary>An error for the value of <paramref name="key"/>, at its line (at the map's own line when the key is absent).</summary>
    public ScenarioException Fail(string key, string problem) => Error(Source, Sub(key), Find(key) ?? _node, problem);

    public static ScenarioException Error(string source, string path, YamlNode node, string problem)
        => new($"{source}: {path}: {problem} (line {node.Start.Line})");

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    private static string RangeText(double value, double min, double max)
    {
        string v = value.ToString(CultureInfo.InvariantCulture);
        if (value < min)
        {
            return min == 0 ? $"must not be negative, got {v}" : $"must be at least {min.ToString(CultureInfo.InvariantCulture)}, got {v}";
        }

        return $"must be at most {max.ToString(CultureInfo.InvariantCulture)}, got {v}";
    }
}
