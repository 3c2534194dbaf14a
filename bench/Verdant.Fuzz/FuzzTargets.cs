using System.Text;
using Verdant.Cli.Scenarios;
using Verdant.Core.Data;
using Verdant.Core.Energy.Import;

namespace Verdant.Fuzz;

/// <summary>
/// The three parsers that read files a user hands to Verdant, each wrapped so that the failures the contract allows (one
/// message naming the field or row) are swallowed and anything else (another exception type, a hang, an out-of-memory)
/// reaches the fuzzer as a crash.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["scenario"] = Scenario,
        ["series"] = Series,
        ["idx"] = Idx,
    };

    // A folder with no files, so that relative series paths in a fuzzed scenario resolve to nothing.
    private static readonly string EmptyBase = Directory.CreateTempSubdirectory("verdant-fuzz-").FullName;

    /// <summary>Scenario YAML: only <see cref="ScenarioException"/> is allowed.</summary>
    public static void Scenario(Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        try
        {
            ScenarioLoader.Load(reader, "fuzz.yaml", EmptyBase);
        }
        catch (ScenarioException)
        {
        }
    }

    /// <summary>
    /// Series CSV onto the hourly horizon of a three-day run, as the scenario loader imports it; the first byte picks the
    /// repeat mode so that the tiling code is reached too. Only <see cref="SeriesFormatException"/> is allowed.
    /// </summary>
    public static void Series(Stream input)
    {
        int mode = input.ReadByte();
        var options = new SeriesImportOptions
        {
            Repeat = (SeriesRepeat)(Math.Max(mode, 0) % 3),
            Target = SeriesGrid.Hourly(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), 72),
            TimeOriginUtc = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        try
        {
            SeriesImporter.Import(input, "fuzz.csv", options);
        }
        catch (SeriesFormatException)
        {
        }
    }

    /// <summary>IDX images then labels from the same bytes; only <see cref="InvalidDataException"/> is allowed.</summary>
    public static void Idx(Stream input)
    {
        byte[] bytes = ReadAll(input);
        try
        {
            IdxReader.ReadImages(new MemoryStream(bytes));
        }
        catch (InvalidDataException)
        {
        }

        try
        {
            IdxReader.ReadLabels(new MemoryStream(bytes));
        }
        catch (InvalidDataException)
        {
        }
    }

    private static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
