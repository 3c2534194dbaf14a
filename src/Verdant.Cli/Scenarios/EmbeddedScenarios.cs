namespace Verdant.Cli.Scenarios;

/// <summary>The scenarios compiled into the program, so `verdant run` works with no file.</summary>
internal static class EmbeddedScenarios
{
    public const string DefaultName = "default";

    private const long MaxScenarioBytes = 4L << 20;

    public static LoadedScenario LoadDefault()
    {
        using var reader = new StringReader(DefaultText());
        return ScenarioLoader.Load(reader, "(embedded default scenario)");
    }

    /// <summary>The embedded default scenario's YAML text (sweeps edit it field by field).</summary>
    public static string DefaultText()
    {
        using Stream stream = typeof(EmbeddedScenarios).Assembly.GetManifestResourceStream("Verdant.Cli.Scenarios.default.yaml")
            ?? throw new InvalidOperationException("the embedded default scenario is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads <paramref name="path"/>, or the embedded default when it is null.</summary>
    public static LoadedScenario LoadFileOrDefault(string? path)
    {
        if (path is null)
        {
            return LoadDefault();
        }

        if (Directory.Exists(path))
        {
            throw new ScenarioException($"{path} is a directory; expected a scenario YAML file");
        }

        if (!File.Exists(path) && path.StartsWith('-'))
        {
            throw new ScenarioException($"unknown option '{path}' (verdant run --help lists the options)");
        }

        if (!File.Exists(path))
        {
            throw new ScenarioException($"scenario file not found: {path}");
        }

        string name = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{name}: cannot read the scenario file: {ex.Message}", ex);
        }

        using (stream)
        {
            // A device (/dev/zero) reports length 0 and never ends; a scenario is a few kilobytes of YAML.
            if (stream.CanSeek && (stream.Length == 0 || stream.Length > MaxScenarioBytes))
            {
                throw new ScenarioException(stream.Length == 0
                    ? $"{name}: the scenario file is empty or not a regular file"
                    : $"{name}: the scenario file has {stream.Length} bytes, more than {MaxScenarioBytes >> 20} MiB; a scenario is a small YAML file");
            }

            using var reader = new StreamReader(stream);
            return ScenarioLoader.Load(reader, name, Path.GetDirectoryName(Path.GetFullPath(path)));
        }
    }
}
