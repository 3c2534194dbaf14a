using Verdant.Cli.Commands;
using Verdant.Core.Data;

namespace Verdant.Cli.Input;

/// <summary>Opens an IDX data set directory (Fashion-MNIST layout: train-/t10k- images and labels, gzip or plain).</summary>
internal static class DatasetFiles
{
    /// <summary>Reads the train and test sets; <paramref name="origin"/> ("--data-dir", "FILE: data.dir") prefixes a missing folder's message.</summary>
    public static (Dataset Train, Dataset Test) Load(string directory, string? origin = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException(origin is null
                ? $"Fashion-MNIST not found in {directory}: install the Debian package dataset-fashion-mnist, or pass --data-dir"
                : $"{origin}: data directory not found: {directory}");
        }

        return (Read(directory, "train"), Read(directory, "t10k"));
    }

    private static Dataset Read(string directory, string prefix)
    {
        string images = Find(directory, $"{prefix}-images-idx3-ubyte");
        string labels = Find(directory, $"{prefix}-labels-idx1-ubyte");
        var pixels = Guarded(images, IdxReader.ReadImages);
        byte[] labelBytes = Guarded(labels, IdxReader.ReadLabels);
        try
        {
            return IdxReader.Combine(pixels, labelBytes);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{labels}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads one file; a malformed or unreadable file is a usage error naming it.</summary>
    private static T Guarded<T>(string path, Func<Stream, T> read)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return read(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {ex.Message}", ex);
        }
    }

    private static string Find(string directory, string stem)
    {
        foreach (string candidate in new[] { $"{stem}.gz", stem })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new UsageException($"{directory}: missing {stem}.gz (or {stem}); expected the IDX layout of MNIST and Fashion-MNIST");
    }
}
