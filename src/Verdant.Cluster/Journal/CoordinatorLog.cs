using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verdant.Cluster.Journal;

/// <summary>
/// The coordinator's append-only round log, one JSON object a line: a header, one line per finished round, and a closing
/// line once the run's outputs are written. Each line is flushed to disk (fsync) before the next round starts, so after
/// a crash the log holds every round but at most the one in flight; a torn last line is dropped on resume.
/// </summary>
public sealed class CoordinatorLog : IDisposable
{
    /// <summary>The log's file name inside a run's output folder.</summary>
    public const string FileName = "coordinator.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly FileStream _file;

    private CoordinatorLog(string path, FileStream file, CoordinatorLogHeader header, IReadOnlyList<LoggedRound> rounds)
    {
        FilePath = path;
        _file = file;
        Header = header;
        Rounds = rounds;
    }

    /// <summary>Where the log is.</summary>
    public string FilePath { get; }

    /// <summary>The run the log belongs to.</summary>
    public CoordinatorLogHeader Header { get; }

    /// <summary>The rounds recorded before this process opened the log (empty for a new run): what a resumed run replays.</summary>
    public IReadOnlyList<LoggedRound> Rounds { get; }

    /// <summary>Starts a new log at <paramref name="path"/> (replacing any file there) with <paramref name="header"/>.</summary>
    public static CoordinatorLog Create(string path, CoordinatorLogHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        var log = new CoordinatorLog(path, file, header, []);
        log.Write(new Line("header", Header: header));
        return log;
    }

    /// <summary>Opens the unfinished log at <paramref name="path"/> to resume its run, after checking it is <paramref name="expected"/>'s.</summary>
    /// <exception cref="CoordinatorLogException">No log, a finished one, another scenario's (IsMismatch), or damaged.</exception>
    public static CoordinatorLog Resume(string path, CoordinatorLogHeader expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (!File.Exists(path))
        {
            throw Mismatch($"{path}: no coordinator log to resume");
        }

        (List<Line> lines, long complete) = Read(path);
        CoordinatorLogHeader header = lines[0].Header!;
        if (lines[^1].Kind == "finished")
        {
            throw Mismatch($"{path}: the run {header.Run} finished; nothing to resume");
        }

        if (header.Differences(expected) is { Count: > 0 } differences)
        {
            throw Mismatch($"{path}: the log is of another run: {string.Join("; ", differences)}");
        }

        LoggedRound[] rounds = [.. lines.Skip(1).Select(l => l.Round!)];
        var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        file.SetLength(complete);
        file.Seek(complete, SeekOrigin.Begin);
        return new CoordinatorLog(path, file, header, rounds);
    }

    /// <summary>Whether <paramref name="path"/> holds no log, an unfinished one or a finished one.</summary>
    public static CoordinatorLogState StateOf(string path)
    {
        if (!File.Exists(path))
        {
            return CoordinatorLogState.Missing;
        }

        return Read(path).Lines[^1].Kind == "finished" ? CoordinatorLogState.Finished : CoordinatorLogState.Unfinished;
    }

    /// <summary>Appends round <paramref name="round"/> and flushes it to disk.</summary>
    public void Append(LoggedRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        Write(new Line("round", Round: round));
    }

    /// <summary>Closes the log as finished.</summary>
    public void Finish() => Write(new Line("finished"));

    /// <summary>
    /// Writes the log, closed as finished, into <paramref name="directory"/> (the run's staged outputs); this file stays
    /// unfinished, so a crash before the staged outputs replace the old folder leaves a run that can still be resumed.
    /// </summary>
    public void FinishInto(string directory)
    {
        string copy = Path.Combine(directory, FileName);
        File.Copy(FilePath, copy, overwrite: true);
        using var file = new FileStream(copy, FileMode.Append, FileAccess.Write);
        file.Write(JsonSerializer.SerializeToUtf8Bytes(new Line("finished"), Json));
        file.WriteByte((byte)'\n');
        file.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    /// <summary>The log's JSON form of <paramref name="value"/>: what a replay compares, so equal text means equal numbers.</summary>
    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    private void Write(Line line)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(line, Json);
        _file.Write(bytes);
        _file.WriteByte((byte)'\n');
        _file.Flush(flushToDisk: true);
    }

    // Complete lines only: a last line without its newline is a write torn by a crash, and is left out.
    private static (List<Line> Lines, long Complete) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var lines = new List<Line>();
        int start = 0, number = 0;
        for (int end = Array.IndexOf(bytes, (byte)'\n'); end >= 0; end = Array.IndexOf(bytes, (byte)'\n', start))
        {
            number++;
            lines.Add(Parse(path, number, bytes.AsSpan(start, end - start)));
            start = end + 1;
        }

        if (lines.Count == 0 || lines[0].Kind != "header" || lines[0].Header is null)
        {
            throw new CoordinatorLogException($"{path}: line 1: not a coordinator log header");
        }

        for (int i = 1; i < lines.Count; i++)
        {
            bool finishedLast = lines[i].Kind == "finished" && i == lines.Count - 1;
            if (!finishedLast && (lines[i].Kind != "round" || lines[i].Round?.Round != i - 1))
            {
                throw new CoordinatorLogException($"{path}: line {i + 1}: expected the record of round {i - 1}");
            }
        }

        return (lines, start);
    }

    private static Line Parse(string path, int number, ReadOnlySpan<byte> text)
    {
        try
        {
            return JsonSerializer.Deserialize<Line>(text, Json) ?? throw new JsonException("empty line");
        }
        catch (JsonException ex)
        {
            throw new CoordinatorLogException($"{path}: line {number}: {ex.Message}", ex);
        }
    }

    private static CoordinatorLogException Mismatch(string message) => new(message) { IsMismatch = true };

    private sealed record Line(string Kind, CoordinatorLogHeader? Header = null, LoggedRound? Round = null);
}
