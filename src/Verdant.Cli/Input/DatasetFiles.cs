using Verdant.Cli.Commands;
using Verdant.Core.Data;

namespace Verdant.Cli.Input;

/// <summary>Opens an IDX data set directory (Fashion-MNIST layout: train-/t10k- images and labels, gzip or plain).</summary>
internal static class DatasetFiles
{
    public static (Dataset Train, Dataset Test) Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException(directory == Scenarios.ScenarioLoader.DefaultDataDirectory
                ? $"Fashion-MNIST not found in {directory}: install the Debian package dataset-fashion-mnist, or pass --data-dir"
                : $"data directory not found: {directory}");
        }

        return (Read(directory, "train"), Read(directory, "t10k"));
    }

    private static Dataset Read(string directory, string prefix)
    {
        string images = Find(directory, $"{prefix}-images-idx3-ubyte");
        string labels = Find(directory, $"{prefix}-labels-idx1-ubyte");
        using FileStream imageStream = File.OpenRead(images);
        using FileStream labelStream = File.OpenRead(labels);
        try
        {
            return IdxReader.ReadDataset(imageStream, labelStream);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{images}: {ex.Message}", ex);
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
