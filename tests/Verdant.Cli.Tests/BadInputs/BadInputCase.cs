using System.Globalization;
using System.Text.RegularExpressions;

namespace Verdant.Cli.Tests.BadInputs;

/// <summary>
/// One line of cases.tsv: <c>EXIT &lt;tab&gt; ARGS &lt;tab&gt; MESSAGE</c>. ARGS are separated by single spaces ('' is an
/// empty argument) and may hold placeholders, expanded per case in a fresh temporary folder {tmp}:
/// {corpus} the corpus folder; {series:SLOT:FILE:KEY=VALUE;...} a scenario (from series-template.yaml) that imports
/// series/FILE, copied beside it, into SLOT with those options; {idx:KIND} a Fashion-MNIST-shaped folder of IDX files
/// with one defect (<see cref="IdxFiles"/>); {file:NAME} a small file.
/// </summary>
internal sealed partial record BadInputCase(int Line, int ExitCode, string Arguments, string Message)
{
    public static IReadOnlyList<BadInputCase> ReadAll(string corpus)
    {
        var cases = new List<BadInputCase>();
        string[] lines = File.ReadAllLines(Path.Combine(corpus, "cases.tsv"));
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            string[] parts = lines[i].Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"cases.tsv line {i + 1}: expected EXIT<tab>ARGS<tab>MESSAGE");
            }

            cases.Add(new BadInputCase(i + 1, int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]));
        }

        return cases;
    }

    public string[] Expand(string corpus, string tmp)
        => [.. Arguments.Split(' ').Select(a => a == "''" ? string.Empty : Placeholder().Replace(a, m => Resolve(m.Groups[1].Value, corpus, tmp)))];

    private static string Resolve(string placeholder, string corpus, string tmp)
    {
        string[] parts = placeholder.Split(':', 2);
        return parts[0] switch
        {
            "corpus" => corpus,
            "tmp" => tmp,
            "series" => SeriesScenario(parts[1], corpus, tmp),
            "idx" => IdxFiles.Write(Path.Combine(tmp, "idx-" + parts[1]), parts[1]),
            "file" => Touch(Path.Combine(tmp, parts[1])),
            _ => throw new InvalidDataException($"unknown placeholder {{{placeholder}}}"),
        };
    }

    private static string SeriesScenario(string spec, string corpus, string tmp)
    {
        string[] parts = spec.Split(':', 3);
        (string slot, string file) = (parts[0], parts[1]);
        string options = parts.Length > 2 && parts[2].Length > 0
            ? string.Concat(parts[2].Split(';').Select(kv => ", " + kv.Replace("=", ": ", StringComparison.Ordinal)))
            : string.Empty;
        File.Copy(Path.Combine(corpus, "series", file), Path.Combine(tmp, file));
        string yaml = File.ReadAllText(Path.Combine(corpus, "series-template.yaml"))
            .Replace("@SERIES@", $"{slot}: {{ file: {file}{options} }}", StringComparison.Ordinal);
        string path = Path.Combine(tmp, Path.GetFileNameWithoutExtension(file) + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Touch(string path)
    {
        File.WriteAllText(path, "x");
        return path;
    }

    [GeneratedRegex(@"\{([a-z]+(?::[^}]*)?)\}")]
    private static partial Regex Placeholder();
}
