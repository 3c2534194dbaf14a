using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Orleans.Storage;

namespace Verdant.Cluster.Checkpoints;

/// <summary>
/// Orleans grain storage in one directory of the local disk, one file per grain and state: for silos on one machine
/// (`cluster run --local`) or a site whose restarted silo comes back on the same machine. A write goes to a temporary file
/// that is flushed to the disk (fsync) and then renamed over the old one, so a reader, or a silo killed mid-write, only
/// ever sees a whole checkpoint, the new or the previous.
/// </summary>
/// <remarks>
/// A file is an 8-byte version (little-endian; the ETag) followed by the state as <paramref name="serializer"/> writes it.
/// A write whose ETag is not the stored version fails with <see cref="InconsistentStateException"/>, as Orleans' own
/// providers do. The directory entry itself is not fsynced (.NET cannot open a directory): after a power cut a rename may
/// be lost, leaving the previous checkpoint, which is whole.
/// </remarks>
public sealed class FileGrainStorage(string directory, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const int HeaderBytes = sizeof(long);

    /// <summary>Directory holding the files.</summary>
    public string Directory { get; } = Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory)));

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        string path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        byte[] bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        if (bytes.Length < HeaderBytes)
        {
            throw new InvalidDataException($"checkpoint file {path} is {bytes.Length} bytes, shorter than its header");
        }

        grainState.State = serializer.Deserialize<T>(bytes.AsMemory(HeaderBytes));
        grainState.ETag = Version(bytes).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        string path = PathOf(stateName, grainId);
        long version = await CheckedVersion(path, grainState.ETag).ConfigureAwait(false);
        BinaryData payload = serializer.Serialize(grainState.State);
        var header = new byte[HeaderBytes];
        BinaryPrimitives.WriteInt64LittleEndian(header, version + 1);
        System.IO.Directory.CreateDirectory(Directory);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await file.WriteAsync(header).ConfigureAwait(false);
                await file.WriteAsync(payload.ToMemory()).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        grainState.ETag = (version + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        string path = PathOf(stateName, grainId);
        await CheckedVersion(path, grainState.ETag).ConfigureAwait(false);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The file of state <paramref name="stateName"/> of grain <paramref name="grainId"/>.</summary>
    public string PathOf(string stateName, GrainId grainId) => Path.Combine(Directory, $"{Escape(stateName)}.{Escape(grainId.ToString())}.bin");

    /// <summary>Deletes the files in <paramref name="directory"/> of every grain whose id contains <paramref name="fragment"/> (the states of one run).</summary>
    public static int DeleteMatching(string directory, string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (!System.IO.Directory.Exists(directory))
        {
            return 0;
        }

        string[] files = System.IO.Directory.GetFiles(directory, $"*{Escape(fragment)}*.bin");
        Array.ForEach(files, File.Delete);
        return files.Length;
    }

    // The stored version, after checking that the writer saw it (a null ETag means the writer saw no record).
    private static async Task<long> CheckedVersion(string path, string? etag)
    {
        long stored = 0;
        if (File.Exists(path))
        {
            var header = new byte[HeaderBytes];
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true))
            {
                await file.ReadExactlyAsync(header).ConfigureAwait(false);
            }

            stored = Version(header);
        }

        string? expected = stored == 0 ? null : stored.ToString(CultureInfo.InvariantCulture);
        if (etag != expected)
        {
            throw new InconsistentStateException($"checkpoint {path} is at version {expected ?? "none"}, the writer read {etag ?? "none"}", expected, etag);
        }

        return stored;
    }

    private static long Version(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt64LittleEndian(bytes);

    // Letters, digits, '-' and '_' stay; anything else becomes '%XX' of its UTF-8 bytes, so distinct ids map to distinct names.
    private static string Escape(string value)
    {
        var name = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                name.Append(c);
            }
            else
            {
                name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }
}
