namespace Verdant.Cli.Scenarios;

/// <summary>The scenarios compiled into the program, so `verdant run` works with no file.</summary>
internal static class EmbeddedScenarios
{
    public const string DefaultName = "default";

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

        if (!File.Exists(path))
        {
            throw new ScenarioException($"scenario file not found: {path}");
        }

        using var reader = new StreamReader(path);
        return ScenarioLoader.Load(reader, Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));
    }
}
