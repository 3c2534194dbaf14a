using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Verdant.Cluster.Checkpoints;

/// <summary>Registers the grain storage that units checkpoint to (<see cref="CheckpointStore.StorageName"/>).</summary>
public static class CheckpointStorageExtensions
{
    /// <summary>
    /// Makes <paramref name="store"/> this silo's checkpoint storage. Both kinds write states with Orleans' binary
    /// serializer, so a checkpoint's float arrays (kept as bytes) are stored as they are, not as JSON text.
    /// </summary>
    public static ISiloBuilder AddVerdantCheckpoints(this ISiloBuilder builder, CheckpointStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        if (store.Redis is { } endpoint)
        {
            builder.AddRedisGrainStorage(CheckpointStore.StorageName, options => options.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = ConfigurationOptions.Parse(endpoint);
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }
        else
        {
            string directory = store.Directory!;
            builder.Services.AddGrainStorage(CheckpointStore.StorageName, (services, _) =>
                new FileGrainStorage(directory, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        }

        return builder;
    }
}
