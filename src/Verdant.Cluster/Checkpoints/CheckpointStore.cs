namespace Verdant.Cluster.Checkpoints;

/// <summary>
/// Where units' checkpoints go: a directory of the silo's machine (<see cref="FileGrainStorage"/>), or Redis
/// (Microsoft.Orleans.Persistence.Redis) at <see cref="Redis"/> HOST:PORT, where a site's silo restarted on any machine
/// finds them.
/// </summary>
public sealed record CheckpointStore
{
    /// <summary>The Orleans storage-provider name the unit grains' state uses.</summary>
    public const string StorageName = "verdant-checkpoints";

    private CheckpointStore(string? directory, string? redis) => (Directory, Redis) = (directory, redis);

    /// <summary>The default directory of file checkpoints: verdant-checkpoints under the system's temporary directory.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "verdant-checkpoints");

    /// <summary>The directory of a file store; null for Redis.</summary>
    public string? Directory { get; }

    /// <summary>Redis HOST:PORT of a Redis store; null for files.</summary>
    public string? Redis { get; }

    /// <summary>Files in <paramref name="directory"/>.</summary>
    public static CheckpointStore InDirectory(string directory) =>
        new(Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory))), null);

    /// <summary>Redis at <paramref name="endpoint"/> (HOST:PORT).</summary>
    public static CheckpointStore InRedis(string endpoint) =>
        new(null, string.IsNullOrWhiteSpace(endpoint) ? throw new ArgumentException("a Redis endpoint is required", nameof(endpoint)) : endpoint);
}
